package dealdesk.commission.engine;

import static dealdesk.commission.engine.Fixtures.ENGINE;
import static dealdesk.commission.engine.Fixtures.Q4;
import static dealdesk.commission.engine.Fixtures.input;
import static dealdesk.commission.engine.Fixtures.layeredPlan;
import static dealdesk.commission.engine.Fixtures.layeredTransactions;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.commission.Transaction;
import dealdesk.commission.engine.Estimator.Estimate;
import dealdesk.commission.engine.Statement.Line;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The worked example of /work/shared/examples/layered-expected.md, figure by figure. */
class LayeredExampleTest {

    @Test
    void marginalQuarterPays38540WithTheHawaiiTripListedNotPaid() {
        Statement statement = ENGINE.compute(input(layeredPlan(), "alice", Q4, "200000", layeredTransactions()));

        assertThat(statement.totals().earned().amount()).isEqualByComparingTo("38540.00");
        assertThat(statement.credited().amount()).isEqualByComparingTo("220000");
        assertThat(statement.attainment()).isEqualByComparingTo("1.10");
        List<Line> commission = statement.lines().stream().filter(line -> line.component().equals("COMMISSION")).toList();
        assertThat(commission).extracting(Line::transactionId).containsExactly("T1", "T2", "T3", "T4", "T4");
        assertThat(commission.get(0).amount().amount()).isEqualByComparingTo("7875.00");
        assertThat(commission.get(0).rate()).isEqualByComparingTo("0.1575");
        assertThat(commission.get(1).amount().amount()).isEqualByComparingTo("8800.00");
        assertThat(commission.get(1).rate()).isEqualByComparingTo("0.22");
        assertThat(commission.get(2).amount().amount()).isEqualByComparingTo("1500.00");
        assertThat(commission.get(3).baseAmount()).isEqualByComparingTo("80000");
        assertThat(commission.get(3).rate()).isEqualByComparingTo("0.1815");
        assertThat(commission.get(3).amount().amount()).isEqualByComparingTo("14520.00");
        assertThat(commission.get(3).band()).isEqualTo("0-1");
        assertThat(commission.get(4).baseAmount()).isEqualByComparingTo("20000");
        assertThat(commission.get(4).rate()).isEqualByComparingTo("0.27225");
        assertThat(commission.get(4).amount().amount()).isEqualByComparingTo("5445.00");
        assertThat(commission.get(4).band()).isEqualTo("1+");

        Line spif = statement.lines().stream().filter(line -> line.component().equals("SPIF")).findFirst().orElseThrow();
        assertThat(spif.transactionId()).isEqualTo("T2");
        assertThat(spif.amount().amount()).isEqualByComparingTo("400.00");

        assertThat(statement.awards()).singleElement().satisfies(award -> {
            assertThat(award.spif()).isEqualTo("hawaii");
            assertThat(award.type()).isEqualTo("NON_CASH");
            assertThat(award.description()).isEqualTo("Trip to Hawaii");
            assertThat(award.value().amount()).isEqualByComparingTo("5000");
        });
        assertThat(statement.totals().payable().amount()).isEqualByComparingTo("38540.00");
    }

    @Test
    void everyLineCarriesItsTrace() {
        Statement statement = ENGINE.compute(input(layeredPlan(), "alice", Q4, "200000", layeredTransactions()));

        Line upperSlice = statement.lines().get(5);
        Statement.Trace trace = upperSlice.trace();
        assertThat(trace.source().transactionId()).isEqualTo("T4");
        assertThat(trace.source().dealId()).isEqualTo("D4");
        assertThat(trace.source().splitPercent()).isEqualByComparingTo("100");
        assertThat(trace.plan()).isEqualTo("ae-layered@v1");
        assertThat(trace.rules()).containsExactly("rate: base rate", "factor: multiplier", "factor: timing window",
                "tier: marginal band slice");
        assertThat(trace.rate().rate()).isEqualByComparingTo("0.15");
        assertThat(trace.rate().source()).isEqualTo("baseRate");
        assertThat(trace.factors()).extracting(Statement.Factor::source).containsExactly("multipliers[0]", "timing[0] LAST_DAYS 14");
        assertThat(trace.band().label()).isEqualTo("1+");
        assertThat(trace.band().multiplier()).isEqualByComparingTo("1.5");
        assertThat(trace.band().sliceFrom().amount()).isEqualByComparingTo("200000");
        assertThat(trace.band().sliceTo().amount()).isEqualByComparingTo("220000");
        assertThat(trace.baseAmount()).isEqualByComparingTo("20000");
        assertThat(trace.result().amount()).isEqualByComparingTo("5445.00");
    }

    @Test
    void retroactiveQuarterPays54887_50() {
        Statement statement = ENGINE.compute(input(Fixtures.layeredPlan("mode: MARGINAL", "mode: RETROACTIVE"),
                "alice", Q4, "200000", layeredTransactions()));

        List<Line> commission = statement.lines().stream().filter(line -> line.component().equals("COMMISSION")).toList();
        assertThat(commission).extracting(line -> line.amount().amount()).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("11812.50"), new java.math.BigDecimal("13200.00"),
                        new java.math.BigDecimal("2250.00"), new java.math.BigDecimal("27225.00"));
        assertThat(commission).allSatisfy(line -> assertThat(line.band()).isEqualTo("1+"));
        assertThat(statement.totals().earned().amount()).isEqualByComparingTo("54887.50");
    }

    @Test
    void estimateOfT4BeforeItClosesIs19965AndReachesTheTrip() {
        List<Transaction> closed = layeredTransactions().stream().filter(t -> !t.id().equals("T4")).toList();
        Transaction t4 = layeredTransactions().stream().filter(t -> t.id().equals("T4")).findFirst().orElseThrow();

        Estimate estimate = new Estimator(ENGINE).estimate(input(layeredPlan(), "alice", Q4, "200000", closed), List.of(t4));

        assertThat(estimate.amount().amount()).isEqualByComparingTo("19965.00");
        assertThat(estimate.attainmentBefore()).isEqualByComparingTo("0.60");
        assertThat(estimate.attainmentAfter()).isEqualByComparingTo("1.10");
        assertThat(estimate.bandsEntered()).containsExactly("1+");
        assertThat(estimate.awards()).extracting(Statement.AwardLine::spif).containsExactly("hawaii");
        assertThat(estimate.lines()).extracting(line -> line.amount().amount()).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("14520.00"), new java.math.BigDecimal("5445.00"));
        assertThat(estimate.replaced()).isEmpty();
    }

    @Test
    void plainJavaTwinComputesTheSameStatement() {
        StatementInput input = input(layeredPlan(), "alice", Q4, "200000", layeredTransactions());

        assertThat(Fixtures.JAVA_ENGINE.compute(input)).isEqualTo(ENGINE.compute(input));
    }
}
