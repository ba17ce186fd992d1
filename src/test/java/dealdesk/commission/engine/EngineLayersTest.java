package dealdesk.commission.engine;

import static dealdesk.commission.engine.Fixtures.ENGINE;
import static dealdesk.commission.engine.Fixtures.Q4;
import static dealdesk.commission.engine.Fixtures.input;
import static dealdesk.commission.engine.Fixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.commission.Transaction;
import dealdesk.commission.TransactionParser;
import dealdesk.commission.engine.Statement.Line;
import dealdesk.commission.engine.StatementInput.CarriedClawback;
import dealdesk.commission.plan.Plan;
import dealdesk.common.Money;
import dealdesk.common.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One scenario per layer of DESIGN.md's plan semantics, with literal amounts. */
class EngineLayersTest {
    private static final String HEADER = "id,dealId,closeDate,sku,family,units,amount,currency,industry,dealType,splits\n";
    private static final String BASE = """
            id: layers
            period: QUARTER
            currency: USD
            creditBasis: AMOUNT
            baseRate: 0.10
            """;

    static List<Transaction> csv(String rows) {
        return TransactionParser.validate(TransactionParser.fromCsv(HEADER + rows), "rows");
    }

    static List<Line> component(Statement statement, String component) {
        return statement.lines().stream().filter(line -> line.component().equals(component)).toList();
    }

    @Nested
    class CreditsAndSplits {
        @Test
        void aSplitDealCreditsEachUserItsPercentOfTheBasis() {
            List<Transaction> transactions = csv("T1,D1,2026-10-10,A,CORE,10,100000,USD,RETAIL,NEW,alice:70;bob:30\n");

            Statement alice = ENGINE.compute(input(plan(BASE), "alice", Q4, null, transactions));
            Statement bob = ENGINE.compute(input(plan(BASE), "bob", Q4, null, transactions));

            assertThat(alice.credited().amount()).isEqualByComparingTo("70000");
            assertThat(alice.totals().earned().amount()).isEqualByComparingTo("7000.00");
            assertThat(alice.lines().get(0).trace().source().splitPercent()).isEqualByComparingTo("70");
            assertThat(bob.credited().amount()).isEqualByComparingTo("30000");
            assertThat(bob.totals().earned().amount()).isEqualByComparingTo("3000.00");
        }

        @Test
        void creditsAreOrderedByCloseDateThenTransactionIdAndOtherPeriodsAreIgnored() {
            List<Transaction> transactions = csv("""
                    T9,D9,2026-11-01,A,CORE,1,100,USD,RETAIL,NEW,alice:100
                    T2,D2,2026-11-01,A,CORE,1,100,USD,RETAIL,NEW,alice:100
                    T1,D1,2026-12-01,A,CORE,1,100,USD,RETAIL,NEW,alice:100
                    T0,D0,2027-01-01,A,CORE,1,100,USD,RETAIL,NEW,alice:100
                    """);

            Statement statement = ENGINE.compute(input(plan(BASE), "alice", Q4, null, transactions));

            assertThat(statement.lines()).extracting(Line::transactionId).containsExactly("T2", "T9", "T1");
            assertThat(statement.lines().get(2).trace().band()).isNull();
        }

        @Test
        void aCreditBasisOfAcvUsesTheDealsAcvWhenItHasOne() {
            Plan acv = plan(BASE.replace("creditBasis: AMOUNT", "creditBasis: ACV"));
            Transaction deal = csv("T1,D1,2026-10-10,A,CORE,1,36000,USD,RETAIL,NEW,alice:100\n").get(0);
            Transaction withAcv = new Transaction(deal.id(), deal.dealId(), deal.closeDate(), deal.product(), deal.amount(),
                    new Transaction.Values(Money.of("12000", "USD"), Money.of("36000", "USD")), deal.splits(), null);

            assertThat(ENGINE.compute(input(acv, "alice", Q4, null, List.of(withAcv))).totals().earned().amount())
                    .isEqualByComparingTo("1200.00");
            assertThat(ENGINE.compute(input(acv, "alice", Q4, null, List.of(deal))).totals().earned().amount())
                    .isEqualByComparingTo("3600.00");
        }
    }

    @Nested
    class Rates {
        @Test
        void theFirstMatchingProductRateWinsOverLaterOnesAndTheBaseRate() {
            Plan plan = plan(BASE + """
                    productRates:
                      - { match: { sku: X }, rate: 0.20 }
                      - { match: { family: CORE }, rate: 0.30 }
                    """);
            List<Transaction> transactions = csv("""
                    T1,D1,2026-10-10,X,CORE,1,1000,USD,RETAIL,NEW,alice:100
                    T2,D2,2026-10-11,Y,CORE,1,1000,USD,RETAIL,NEW,alice:100
                    T3,D3,2026-10-12,Z,OTHER,1,1000,USD,RETAIL,NEW,alice:100
                    """);

            Statement statement = ENGINE.compute(input(plan, "alice", Q4, null, transactions));

            assertThat(statement.lines()).extracting(line -> line.amount().amount()).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("200.00"), new BigDecimal("300.00"), new BigDecimal("100.00"));
            assertThat(statement.lines().get(1).trace().rate().source()).isEqualTo("productRates[1]");
        }

        @Test
        void aTargetIncentiveSetsTheRateAtTargetOverQuota() {
            Plan plan = plan(BASE.replace("baseRate: 0.10", "targetIncentive: 25000"));

            Statement statement = ENGINE.compute(input(plan, "alice", Q4, "250000",
                    csv("T1,D1,2026-10-10,A,CORE,1,50000,USD,RETAIL,NEW,alice:100\n")));

            assertThat(statement.lines().get(0).rate()).isEqualByComparingTo("0.10");
            assertThat(statement.totals().earned().amount()).isEqualByComparingTo("5000.00");
        }
    }

    @Nested
    class Factors {
        @Test
        void everyMatchingMultiplierAndTimingWindowMultiplyTogether() {
            Plan plan = plan(BASE + """
                    multipliers:
                      - { match: { industry: HEALTHCARE }, factor: 1.10 }
                      - { match: { dealType: NEW }, factor: 1.20 }
                      - { match: { dealType: RENEWAL }, factor: 0.50 }
                    timing:
                      - { window: FIRST_DAYS, days: 21, factor: 1.05 }
                    """);
            List<Transaction> transactions = csv("""
                    T1,D1,2026-10-21,A,CORE,1,10000,USD,HEALTHCARE,NEW,alice:100
                    T2,D2,2026-10-22,A,CORE,1,10000,USD,HEALTHCARE,NEW,alice:100
                    """);

            Statement statement = ENGINE.compute(input(plan, "alice", Q4, null, transactions));

            // 0.10 x 1.10 x 1.20 x 1.05 = 0.1386 on the 21st day; the 22nd is outside the window
            assertThat(statement.lines().get(0).rate()).isEqualByComparingTo("0.1386");
            assertThat(statement.lines().get(0).amount().amount()).isEqualByComparingTo("1386.00");
            assertThat(statement.lines().get(1).rate()).isEqualByComparingTo("0.132");
            assertThat(statement.lines().get(1).amount().amount()).isEqualByComparingTo("1320.00");
        }

        @Test
        void lastDaysWindowCoversTheFinalDaysOfTheMonth() {
            Plan plan = plan(BASE.replace("QUARTER", "MONTH") + "timing:\n  - { window: LAST_DAYS, days: 3, factor: 2 }\n");
            List<Transaction> transactions = csv("""
                    T1,D1,2026-11-27,A,CORE,1,100,USD,RETAIL,NEW,alice:100
                    T2,D2,2026-11-28,A,CORE,1,100,USD,RETAIL,NEW,alice:100
                    """);

            Statement statement = ENGINE.compute(input(plan, "alice", Period.parse("2026-11"), null, transactions));

            assertThat(statement.lines()).extracting(line -> line.amount().amount()).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("10.00"), new BigDecimal("20.00"));
        }
    }

    @Nested
    class Tiers {
        private final Plan amountBands = plan(BASE + """
                tiers:
                  basis: AMOUNT
                  mode: MARGINAL
                  bands:
                    - { from: 0, to: 100000, rate: 0.05 }
                    - { from: 100000, to: 200000, rate: 0.10 }
                    - { from: 200000, rate: 0.15 }
                """);

        @Test
        void aCreditCrossingTwoEdgesIsSplitIntoThreeBandsByAmount() {
            Statement statement = ENGINE.compute(input(amountBands, "alice", Q4, null,
                    csv("T1,D1,2026-10-10,A,CORE,1,250000,USD,RETAIL,NEW,alice:100\n")));

            assertThat(statement.lines()).extracting(Line::band).containsExactly("0-100000", "100000-200000", "200000+");
            assertThat(statement.lines()).extracting(line -> line.amount().amount()).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("5000.00"), new BigDecimal("10000.00"), new BigDecimal("7500.00"));
            assertThat(statement.totals().earned().amount()).isEqualByComparingTo("22500.00");
            assertThat(statement.progress().band()).isEqualTo("200000+");
        }

        @Test
        void aCreditStartingExactlyAtAnEdgeIsPaidInTheUpperBand() {
            Statement statement = ENGINE.compute(input(amountBands, "alice", Q4, null, csv("""
                    T1,D1,2026-10-10,A,CORE,1,100000,USD,RETAIL,NEW,alice:100
                    T2,D2,2026-10-11,A,CORE,1,1000,USD,RETAIL,NEW,alice:100
                    """)));

            assertThat(statement.lines()).extracting(Line::band).containsExactly("0-100000", "100000-200000");
            assertThat(statement.lines().get(1).amount().amount()).isEqualByComparingTo("100.00");
            assertThat(statement.progress().toNextBand().amount()).isEqualByComparingTo("99000");
        }

        @Test
        void aDeceleratorBelowTargetHalvesTheRateAndRetroactiveMovesEveryCreditToTheFinalBand() {
            String tiers = """
                    tiers:
                      basis: ATTAINMENT
                      mode: RETROACTIVE
                      bands:
                        - { from: 0, to: 0.5, multiplier: 0.5 }
                        - { from: 0.5, multiplier: 1.0 }
                    """;
            List<Transaction> belowHalf = csv("T1,D1,2026-10-10,A,CORE,1,40000,USD,RETAIL,NEW,alice:100\n");
            List<Transaction> exactlyHalf = csv("""
                    T1,D1,2026-10-10,A,CORE,1,40000,USD,RETAIL,NEW,alice:100
                    T2,D2,2026-10-11,A,CORE,1,10000,USD,RETAIL,NEW,alice:100
                    """);

            Statement decelerated = ENGINE.compute(input(plan(BASE + tiers), "alice", Q4, "100000", belowHalf));
            Statement atEdge = ENGINE.compute(input(plan(BASE + tiers), "alice", Q4, "100000", exactlyHalf));

            assertThat(decelerated.totals().earned().amount()).isEqualByComparingTo("2000.00");
            assertThat(atEdge.attainment()).isEqualByComparingTo("0.5");
            assertThat(atEdge.lines()).extracting(Line::band).containsExactly("0.5+", "0.5+");
            assertThat(atEdge.totals().earned().amount()).isEqualByComparingTo("5000.00");
        }
    }

    @Nested
    class Spifs {
        private final Plan plan = plan(BASE + """
                spifs:
                  - { id: pct, from: 2026-10-01, to: 2026-12-31, match: { family: SEC }, award: { type: PERCENT, rate: 0.02 } }
                  - { id: flat, from: 2026-10-01, to: 2026-12-31, match: { dealType: NEW }, award: { type: FLAT, amount: 250 } }
                  - { id: ten-y, from: 2026-10-01, to: 2026-12-31, match: { sku: Y }, threshold: { units: 10 },
                      award: { type: THRESHOLD, amount: 1000 } }
                  - { id: big, from: 2026-12-01, to: 2026-12-31, match: { sku: Y }, threshold: { amount: 50000 },
                      award: { type: NON_CASH, description: Watch, value: 800 } }
                """);

        @Test
        void percentFlatPerDealAndThresholdSpifsPayOnTopNeverMultiplied() {
            List<Transaction> transactions = csv("""
                    T1,D1,2026-10-10,S,SEC,1,10000,USD,RETAIL,NEW,alice:100
                    T2,D1,2026-10-11,S,SEC,1,5000,USD,RETAIL,NEW,alice:100
                    T3,D3,2026-11-11,Y,CORE,7,1000,USD,RETAIL,RENEWAL,alice:100
                    T4,D4,2026-11-12,Y,CORE,3,1000,USD,RETAIL,RENEWAL,alice:100
                    """);

            Statement statement = ENGINE.compute(input(plan, "alice", Q4, null, transactions));

            List<Line> spifs = component(statement, "SPIF");
            assertThat(spifs).extracting(Line::band).containsExactly("pct", "flat", "pct", "ten-y");
            assertThat(spifs).extracting(line -> line.amount().amount()).usingElementComparator(BigDecimal::compareTo)
                    .containsExactly(new BigDecimal("200.00"), new BigDecimal("250.00"), new BigDecimal("100.00"),
                            new BigDecimal("1000.00"));
            // commission 1,700 + SPIFs 1,550
            assertThat(statement.totals().earned().amount()).isEqualByComparingTo("3250.00");
            assertThat(statement.awards()).isEmpty();
        }

        @Test
        void aThresholdNotReachedPaysNothingAndShowsProgressSevenOfTen() {
            Statement statement = ENGINE.compute(input(plan, "alice", Q4, null,
                    csv("T3,D3,2026-11-11,Y,CORE,7,1000,USD,RETAIL,RENEWAL,alice:100\n")));

            assertThat(component(statement, "SPIF")).isEmpty();
            Statement.SpifStatus tenY = statement.progress().spifs().get(2);
            assertThat(tenY.spif()).isEqualTo("ten-y");
            assertThat(tenY.progress()).isEqualByComparingTo("7");
            assertThat(tenY.threshold()).isEqualByComparingTo("10");
            assertThat(tenY.reached()).isFalse();
        }

        @Test
        void aNonCashAwardByAmountIsListedOnlyWithinItsDates() {
            Statement november = ENGINE.compute(input(plan, "alice", Q4, null,
                    csv("T1,D1,2026-11-30,Y,CORE,1,60000,USD,RETAIL,RENEWAL,alice:100\n")));
            Statement december = ENGINE.compute(input(plan, "alice", Q4, null,
                    csv("T1,D1,2026-12-01,Y,CORE,1,60000,USD,RETAIL,RENEWAL,alice:100\n")));

            assertThat(november.awards()).isEmpty();
            assertThat(december.awards()).singleElement().satisfies(award -> {
                assertThat(award.description()).isEqualTo("Watch");
                assertThat(award.value().amount()).isEqualByComparingTo("800");
            });
            assertThat(december.totals().earned().amount()).isEqualByComparingTo("6000.00");
        }
    }

    @Nested
    class CapAndClawback {
        @Test
        void theCapLimitsCashCommissionWithANegativeLine() {
            Plan plan = plan(BASE + "cap: { amount: 5000 }\n");

            Statement statement = ENGINE.compute(input(plan, "alice", Q4, null,
                    csv("T1,D1,2026-10-10,A,CORE,1,80000,USD,RETAIL,NEW,alice:100\n")));

            assertThat(component(statement, "CAP")).singleElement()
                    .satisfies(line -> assertThat(line.amount().amount()).isEqualByComparingTo("-3000.00"));
            assertThat(statement.totals().earned().amount()).isEqualByComparingTo("5000.00");
        }

        @Test
        void aDealCancelledWithinTheWindowIsReversedInTheSameOpenStatementAtTheRatePaid() {
            Plan plan = plan(BASE + "multipliers:\n  - { match: { industry: HEALTHCARE }, factor: 1.10 }\n"
                    + "clawback: { windowDays: 90 }\n");
            List<Transaction> transactions = new ArrayList<>(csv("""
                    T1,D1,2026-10-10,A,CORE,1,10000,USD,HEALTHCARE,NEW,alice:100
                    T2,D2,2026-10-10,A,CORE,1,10000,USD,HEALTHCARE,NEW,alice:100
                    """));
            transactions.set(0, transactions.get(0).withCancelledOn(LocalDate.parse("2026-12-01")));
            transactions.set(1, transactions.get(1).withCancelledOn(LocalDate.parse("2027-01-09")));

            Statement statement = ENGINE.compute(input(plan, "alice", Q4, null, transactions));

            assertThat(component(statement, "CLAWBACK")).singleElement().satisfies(line -> {
                assertThat(line.transactionId()).isEqualTo("T1");
                assertThat(line.amount().amount()).isEqualByComparingTo("-1100.00");
                assertThat(line.trace().rules()).containsExactly("clawback: cancelled within window");
            });
            // T2 was cancelled 91 days after it closed: outside the window, kept
            assertThat(statement.totals().earned().amount()).isEqualByComparingTo("1100.00");
        }

        @Test
        void aClawbackOfAClosedPeriodIsAnAdjustmentLineInTheOpenPeriod() {
            StatementInput input = new StatementInput(plan(BASE), "alice", Period.parse("2027-Q1"), null,
                    csv("T5,D5,2027-01-15,A,CORE,1,10000,USD,RETAIL,NEW,alice:100\n"),
                    List.of(new CarriedClawback("T1", "D1", "2026-Q4", LocalDate.parse("2027-01-05"), Money.of("1100.00", "USD"))),
                    Money.of("0", "USD"));

            Statement statement = ENGINE.compute(input);

            assertThat(component(statement, "PRIOR_PERIOD_CLAWBACK")).singleElement()
                    .satisfies(line -> assertThat(line.amount().amount()).isEqualByComparingTo("-1100.00"));
            assertThat(statement.totals().earned().amount()).isEqualByComparingTo("1000.00");
            assertThat(statement.totals().adjustments().amount()).isEqualByComparingTo("-1100.00");
            assertThat(statement.totals().payable().amount()).isEqualByComparingTo("-100.00");
        }
    }

    @Nested
    class Draws {
        private final Plan recoverable = plan(BASE.replace("QUARTER", "MONTH") + "draw: { amount: 1500, recoverable: true }\n");

        @Test
        void aRecoverableDrawIsPaidThenRecoveredAcrossThreePeriods() {
            Statement october = month(recoverable, "2026-10", "5000", Money.of("0", "USD"));
            Statement november = month(recoverable, "2026-11", "20000", october.totals().drawBalance());
            Statement december = month(recoverable, "2026-12", "40000", november.totals().drawBalance());

            assertThat(october.totals().earned().amount()).isEqualByComparingTo("500.00");
            assertThat(october.totals().drawPaid().amount()).isEqualByComparingTo("1000.00");
            assertThat(october.totals().payable().amount()).isEqualByComparingTo("1500.00");
            assertThat(october.totals().drawBalance().amount()).isEqualByComparingTo("1000.00");

            assertThat(november.totals().drawPaid().amount()).isEqualByComparingTo("0");
            assertThat(november.totals().drawRecovered().amount()).isEqualByComparingTo("500.00");
            assertThat(november.totals().payable().amount()).isEqualByComparingTo("1500.00");
            assertThat(november.totals().drawBalance().amount()).isEqualByComparingTo("500.00");

            assertThat(december.totals().drawRecovered().amount()).isEqualByComparingTo("500.00");
            assertThat(december.totals().payable().amount()).isEqualByComparingTo("3500.00");
            assertThat(december.totals().drawBalance().amount()).isEqualByComparingTo("0");
        }

        @Test
        void aNonRecoverableDrawIsNeverRecovered() {
            Plan plan = plan(BASE.replace("QUARTER", "MONTH") + "draw: { amount: 1500, recoverable: false }\n");

            Statement october = month(plan, "2026-10", "5000", Money.of("0", "USD"));
            Statement november = month(plan, "2026-11", "40000", october.totals().drawBalance());

            assertThat(october.totals().drawPaid().amount()).isEqualByComparingTo("1000.00");
            assertThat(october.totals().drawBalance().amount()).isEqualByComparingTo("0");
            assertThat(november.totals().drawRecovered().amount()).isEqualByComparingTo("0");
            assertThat(november.totals().payable().amount()).isEqualByComparingTo("4000.00");
        }

        private Statement month(Plan plan, String period, String amount, Money balance) {
            Period month = Period.parse(period);
            List<Transaction> transactions = csv("T-" + period + ",D," + month.start().plusDays(4)
                    + ",A,CORE,1," + amount + ",USD,RETAIL,NEW,alice:100\n");
            return ENGINE.compute(new StatementInput(plan, "alice", month, null, transactions, List.of(), balance));
        }
    }
}
