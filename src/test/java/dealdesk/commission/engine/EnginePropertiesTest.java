package dealdesk.commission.engine;

import static dealdesk.commission.engine.Fixtures.ENGINE;
import static dealdesk.commission.engine.Fixtures.JAVA_ENGINE;
import static dealdesk.commission.engine.Fixtures.Q4;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.commission.Transaction;
import dealdesk.commission.Transaction.Product;
import dealdesk.commission.Transaction.Split;
import dealdesk.commission.plan.Plan;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of the engine over generated quarters of transactions. */
class EnginePropertiesTest {
    private static final java.util.Currency USD = java.util.Currency.getInstance("USD");
    private static final Plan MARGINAL = Fixtures.layeredPlan();
    private static final Plan RETROACTIVE = Fixtures.layeredPlan("mode: MARGINAL", "mode: RETROACTIVE");

    @Property(tries = 200)
    void creditsOfATransactionsSplitsSumToItsBasis(@ForAll("amounts") BigDecimal amount,
                                                   @ForAll @IntRange(min = 1, max = 5) int users,
                                                   @ForAll("cuts") List<Integer> cuts) {
        List<Split> splits = splits(users, cuts);
        Transaction transaction = new Transaction("T1", "D1", LocalDate.parse("2026-11-01"),
                new Product("A", "CORE", new BigDecimal("3"), "RETAIL", "NEW"), Money.of(amount, USD), Transaction.Values.NONE,
                splits, null);

        BigDecimal credited = BigDecimal.ZERO;
        BigDecimal units = BigDecimal.ZERO;
        for (Split split : splits) {
            for (CreditFact credit : CommissionEngine.credits(MARGINAL, split.username(), Q4, List.of(transaction))) {
                credited = credited.add(credit.amount());
                units = units.add(credit.units());
            }
        }

        assertThat(credited).isEqualByComparingTo(amount);
        assertThat(units).isEqualByComparingTo("3");
    }

    @Property(tries = 100)
    void marginalEqualsRetroactiveWhenNoBandIsCrossed(@ForAll("quarters") List<Transaction> transactions) {
        // at most 30 credits of 100,000: attainment stays below 1.0 of a 5,000,000 quota
        StatementInput marginal = Fixtures.input(MARGINAL, "alice", Q4, "5000000", transactions);
        StatementInput retroactive = Fixtures.input(RETROACTIVE, "alice", Q4, "5000000", transactions);

        assertThat(ENGINE.compute(marginal).totals().earned().amount())
                .isEqualByComparingTo(ENGINE.compute(retroactive).totals().earned().amount());
    }

    @Property(tries = 100)
    void anEstimateEqualsTheStatementDifference(@ForAll("quarters") List<Transaction> closed,
                                                @ForAll("quarters") @Size(min = 1, max = 3) List<Transaction> deal,
                                                @ForAll @IntRange(min = 50_000, max = 2_000_000) int quota,
                                                @ForAll boolean retroactive) {
        Plan plan = retroactive ? RETROACTIVE : MARGINAL;
        List<Transaction> hypothetical = deal.stream().map(EnginePropertiesTest::renamed).toList();
        List<Transaction> all = new ArrayList<>(closed);
        all.addAll(hypothetical);

        Estimator.Estimate estimate = new Estimator(ENGINE)
                .estimate(Fixtures.input(plan, "alice", Q4, String.valueOf(quota), closed), hypothetical);
        BigDecimal with = ENGINE.compute(Fixtures.input(plan, "alice", Q4, String.valueOf(quota), all)).totals().earned().amount();
        BigDecimal without = ENGINE.compute(Fixtures.input(plan, "alice", Q4, String.valueOf(quota), closed)).totals().earned().amount();

        assertThat(estimate.amount().amount()).isEqualByComparingTo(with.subtract(without));
        BigDecimal addedMinusReplaced = estimate.lines().stream().map(line -> line.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add)
                .subtract(estimate.replaced().stream().map(line -> line.amount().amount()).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertThat(addedMinusReplaced).isEqualByComparingTo(estimate.amount().amount());
    }

    @Property(tries = 100)
    void theRuleBaseAndThePlainJavaTwinProduceIdenticalStatements(@ForAll("quarters") List<Transaction> transactions,
                                                                  @ForAll @IntRange(min = 50_000, max = 2_000_000) int quota,
                                                                  @ForAll boolean retroactive) {
        StatementInput input = Fixtures.input(retroactive ? RETROACTIVE : MARGINAL, "alice", Q4, String.valueOf(quota),
                transactions);

        assertThat(JAVA_ENGINE.compute(input)).isEqualTo(ENGINE.compute(input));
    }

    @Provide
    Arbitrary<BigDecimal> amounts() {
        return Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("10000000")).ofScale(2);
    }

    @Provide
    Arbitrary<List<Integer>> cuts() {
        return Arbitraries.integers().between(1, 99).list().ofSize(4);
    }

    @Provide
    Arbitrary<List<Transaction>> quarters() {
        Arbitrary<Transaction> transaction = Combinators.combine(
                Arbitraries.integers().between(0, 91),
                Arbitraries.of("A", "X", "Y", "Z"),
                Arbitraries.of("RETAIL", "HEALTHCARE"),
                Arbitraries.integers().between(0, 12),
                Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000")).ofScale(2),
                Arbitraries.of(100, 70, 50, 33))
                .as((day, sku, industry, units, amount, alicePercent) -> {
                    List<Split> splits = alicePercent == 100
                            ? List.of(new Split("alice", new BigDecimal("100")))
                            : List.of(new Split("alice", BigDecimal.valueOf(alicePercent)),
                                      new Split("bob", BigDecimal.valueOf(100 - alicePercent)));
                    return new Transaction("T", "D", LocalDate.parse("2026-10-01").plusDays(day),
                            new Product(sku, sku.equals("Z") ? "LEGACY" : "CORE", BigDecimal.valueOf(units), industry, "NEW"),
                            Money.of(amount, USD), Transaction.Values.NONE, splits, null);
                });
        return transaction.list().ofMaxSize(30).map(list -> {
            List<Transaction> numbered = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                Transaction t = list.get(i);
                numbered.add(new Transaction("T" + i, "D" + (i / 2), t.closeDate(), t.product(), t.amount(),
                        t.values(), t.splits(), null));
            }
            return numbered;
        });
    }

    private static Transaction renamed(Transaction t) {
        return new Transaction("E-" + t.id(), "E-" + t.dealId(), t.closeDate(), t.product(), t.amount(),
                t.values(), t.splits(), null);
    }

    /** Splits with percents from cut points: users get the gaps between sorted cuts, summing to 100. */
    private static List<Split> splits(int users, List<Integer> cuts) {
        List<Integer> points = new ArrayList<>(cuts.subList(0, users - 1).stream().distinct().sorted().toList());
        points.add(0, 0);
        points.add(100);
        List<Split> splits = new ArrayList<>();
        for (int i = 1; i < points.size(); i++) {
            splits.add(new Split("user" + i, BigDecimal.valueOf(points.get(i) - points.get(i - 1))));
        }
        return splits;
    }
}
