package dealdesk.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dealdesk.auth.PasswordHasher;
import dealdesk.auth.Role;
import dealdesk.auth.UserService;
import dealdesk.commission.api.AssignmentRequest;
import dealdesk.commission.engine.CommissionEngine;
import dealdesk.commission.engine.Fixtures;
import dealdesk.commission.engine.Statement;
import dealdesk.common.ApiException;
import dealdesk.common.FieldError;
import dealdesk.common.Period;
import dealdesk.testing.TestDatabase;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Storage, recomputation, clawbacks across closed periods and draws, on a real PostgreSQL. */
class CommissionServiceTest {
    private static final String HEADER = "id,dealId,closeDate,sku,family,units,amount,currency,industry,dealType,splits\n";
    private static final Period Q4 = Period.parse("2026-Q4");
    private static final Period Q1 = Period.parse("2027-Q1");

    private Jdbi jdbi;
    private CommissionServices commission;

    @BeforeEach
    void freshDatabase() {
        jdbi = TestDatabase.freshJdbi();
        Clock clock = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);
        UserService users = new UserService(jdbi, new PasswordHasher(4), clock, Duration.ofHours(1));
        users.create(new UserService.NewUser("manager", "Maya", Role.MANAGER, "demo", null));
        users.create(new UserService.NewUser("alice", "Alice", Role.REP, "demo", "manager"));
        users.create(new UserService.NewUser("bob", "Bob", Role.REP, "demo", "manager"));
        commission = CommissionServices.build(jdbi, users, new CommissionEngine(Fixtures.DROOLS), clock);
    }

    private void layeredPlanFor(String... reps) {
        commission.plans().putPlan("ae-layered", "effectiveFrom: 2026-01-01\nclawback: { windowDays: 90 }\n"
                + Fixtures.resource("layered-plan.yaml"), "finance");
        for (String rep : reps) {
            commission.plans().putAssignment("ae-layered", rep, new AssignmentRequest("2026-01-01", null), "finance");
            commission.plans().putQuota(rep, "2026-Q4", new BigDecimal("200000"), "finance");
            commission.plans().putQuota(rep, "2027-Q1", new BigDecimal("200000"), "finance");
        }
    }

    private void importCsv(String rows) {
        commission.bookings().importTransactions(TransactionParser.fromCsv(HEADER + rows), "rows", "IMPORT", "finance");
    }

    @Test
    void bookingsSentAgainAsStoredLeaveTheStatementAloneAndAChangedOneIsReplaced() {
        layeredPlanFor("alice", "bob");
        importCsv("T1,D1,2026-10-05,A,CORE,1,50000,USD,RETAIL,NEW,alice:70;bob:30\n"
                + "T2,D2,2026-11-10,A,CORE,1,20000,USD,RETAIL,NEW,alice:100\n");
        // T1: 35,000 x 0.15 x 1.05 (first 21 days) = 5,512.50; T2: 20,000 x 0.15 = 3,000.00
        assertThat(commission.statements().statement("alice", Q4).totals().earned().amount())
                .isEqualByComparingTo("8512.50");
        assertThat(storedCount()).isEqualTo(1);

        // the same rows, the splits in another order: nothing changes, the stored statement stays
        BookingService.ImportResult again = commission.bookings().importTransactions(TransactionParser.fromCsv(HEADER
                + "T1,D1,2026-10-05,A,CORE,1,50000,USD,RETAIL,NEW,bob:30;alice:70\n"
                + "T2,D2,2026-11-10,A,CORE,1,20000,USD,RETAIL,NEW,alice:100\n"), "rows", "IMPORT", "finance");
        assertThat(again.replaced()).isEqualTo(2);
        assertThat(storedCount()).isEqualTo(1);

        importCsv("T2,D2,2026-11-10,A,CORE,1,30000,USD,RETAIL,NEW,alice:100\n");
        assertThat(storedCount()).isZero();
        // T2 now 30,000 x 0.15 = 4,500.00
        assertThat(commission.statements().statement("alice", Q4).totals().earned().amount())
                .isEqualByComparingTo("10012.50");
    }

    @Test
    void theWorkedExampleIsStoredAndRecomputedOnlyWhenItsInputsChange() {
        layeredPlanFor("alice");
        importCsv(Fixtures.resource("layered-transactions.csv").lines().skip(1)
                .map(line -> line + "\n").reduce("", String::concat));

        Statement first = commission.statements().statement("alice", Q4);
        assertThat(first.totals().earned().amount()).isEqualByComparingTo("38540.00");
        assertThat(storedCount()).isEqualTo(1);

        commission.plans().putQuota("alice", "2026-Q4", new BigDecimal("100000"), "finance");
        assertThat(storedCount()).isZero();
        Statement raised = commission.statements().statement("alice", Q4);
        // 1.0 is now reached at 100,000: T1 50k in band 1; T2 40k; T3 10k below and 20k above; T4 all above
        assertThat(raised.attainment()).isEqualByComparingTo("2.2");
        // 7,875 + 8,800 + 500 + 1,500 + 100,000 x 0.27225 = 27,225 + SPIF 400
        assertThat(raised.totals().earned().amount()).isEqualByComparingTo("46300.00");
    }

    @Test
    void theSameTransactionIdAgainReplacesAndNeverDuplicates() {
        layeredPlanFor("alice");
        importCsv("T1,D1,2026-10-05,A,CORE,1,50000,USD,RETAIL,NEW,alice:100\n");
        importCsv("T1,D1,2026-10-05,A,CORE,1,10000,USD,RETAIL,NEW,alice:100\n");

        Statement statement = commission.statements().statement("alice", Q4);

        assertThat(statement.credited().amount()).isEqualByComparingTo("10000");
        assertThat(statement.lines()).hasSize(1);
    }

    @Test
    void movingASplitFromAliceToBobRecomputesBoth() {
        layeredPlanFor("alice", "bob");
        importCsv("T1,D1,2026-11-05,A,CORE,1,10000,USD,RETAIL,NEW,alice:100\n");
        assertThat(commission.statements().statement("alice", Q4).totals().earned().amount()).isEqualByComparingTo("1500.00");
        assertThat(commission.statements().statement("bob", Q4).totals().earned().amount()).isEqualByComparingTo("0");

        importCsv("T1,D1,2026-11-05,A,CORE,1,10000,USD,RETAIL,NEW,bob:100\n");

        assertThat(commission.statements().statement("alice", Q4).totals().earned().amount()).isEqualByComparingTo("0");
        assertThat(commission.statements().statement("bob", Q4).totals().earned().amount()).isEqualByComparingTo("1500.00");
    }

    @Test
    void anImportWithOneBadRowStoresNothing() {
        layeredPlanFor("alice");
        ApiException error = catchThrowableOfType(ApiException.class, () -> importCsv("""
                T1,D1,2026-10-05,A,CORE,1,50000,USD,RETAIL,NEW,alice:100
                T2,D2,2026-10-06,A,CORE,1,50000,EUR,RETAIL,NEW,alice:100
                T3,D3,2026-10-07,A,CORE,1,50000,USD,RETAIL,NEW,alice:60;zed:40
                T4,D4,2026-10-08,A,CORE,1,50000,USD,RETAIL,NEW,alice:60;bob:30
                """));

        assertThat(error.details()).extracting(FieldError::path)
                .containsExactly("rows[3].splits", "rows[1].currency", "rows[2].splits[1].username");
        assertThat(commission.statements().statement("alice", Q4).lines()).isEmpty();
    }

    @Test
    void aDealCancelledWhileItsPeriodIsOpenLeavesTheStatementAsIfItNeverClosed() {
        layeredPlanFor("alice");
        importCsv("T1,D1,2026-10-05,A,CORE,1,50000,USD,RETAIL,NEW,alice:100\n");

        commission.bookings().cancelDeal("D1", LocalDate.parse("2026-12-01"), "finance");

        Statement statement = commission.statements().statement("alice", Q4);
        assertThat(statement.lines()).isEmpty();
        assertThat(statement.credited().amount()).isEqualByComparingTo("0");
        assertThat(statement.totals().earned().amount()).isEqualByComparingTo("0");
    }

    @Test
    void aCancelledDealNoLongerLiftsAnotherIntoTheAcceleratedBand() {
        layeredPlanFor("alice");
        importCsv("""
                T1,D1,2026-10-05,A,CORE,1,100000,USD,RETAIL,NEW,alice:100
                T2,D2,2026-11-10,A,CORE,1,150000,USD,RETAIL,NEW,alice:100
                """);
        // T1 at 0.15 x 1.05 (first 21 days) = 15,750.00; T2: 100,000 x 0.15 + 50,000 x 0.15 x 1.5 = 26,250.00
        assertThat(commission.statements().statement("alice", Q4).totals().earned().amount()).isEqualByComparingTo("42000.00");

        commission.bookings().cancelDeal("D1", LocalDate.parse("2026-11-30"), "finance");

        Statement statement = commission.statements().statement("alice", Q4);
        // T2 alone is 75% of quota: 150,000 x 0.15, all in the first band
        assertThat(statement.attainment()).isEqualByComparingTo("0.75");
        assertThat(statement.lines()).extracting(Statement.Line::transactionId).containsOnly("T2");
        assertThat(statement.totals().earned().amount()).isEqualByComparingTo("22500.00");
    }

    @Test
    void aDealReversedInItsOwnStatementBeforeTheCloseIsNotClawedBackAgainLater() {
        layeredPlanFor("alice");
        importCsv("T1,D1,2026-12-20,A,CORE,1,50000,USD,RETAIL,NEW,alice:100\n");
        commission.bookings().cancelDeal("D1", LocalDate.parse("2027-01-03"), "finance");
        assertThat(commission.statements().statement("alice", Q4).totals().earned().amount()).isEqualByComparingTo("0");

        commission.periods().closePeriod(Q4, "finance");

        assertThat(commission.statements().statement("alice", Q1).lines()).isEmpty();
    }

    @Test
    void aRecoverableDrawCarriesAcrossThreeMonths() {
        commission.plans().putPlan("monthly", """
                id: monthly
                effectiveFrom: 2026-01-01
                period: MONTH
                currency: USD
                creditBasis: AMOUNT
                baseRate: 0.10
                draw: { amount: 1500, recoverable: true }
                """, "finance");
        commission.plans().putAssignment("monthly", "bob", new AssignmentRequest("2026-10-01", null), "finance");
        importCsv("""
                T1,D1,2026-10-05,A,CORE,1,5000,USD,RETAIL,NEW,bob:100
                T2,D2,2026-11-05,A,CORE,1,20000,USD,RETAIL,NEW,bob:100
                T3,D3,2026-12-05,A,CORE,1,40000,USD,RETAIL,NEW,bob:100
                """);

        Statement december = commission.statements().statement("bob", Period.parse("2026-12"));
        Statement october = commission.statements().statement("bob", Period.parse("2026-10"));
        Statement november = commission.statements().statement("bob", Period.parse("2026-11"));

        assertThat(october.totals().drawPaid().amount()).isEqualByComparingTo("1000.00");
        assertThat(november.totals().drawRecovered().amount()).isEqualByComparingTo("500.00");
        assertThat(december.totals().drawRecovered().amount()).isEqualByComparingTo("500.00");
        assertThat(december.totals().payable().amount()).isEqualByComparingTo("3500.00");
        assertThat(december.totals().drawBalance().amount()).isEqualByComparingTo("0");

        // a late October booking lifts October above the draw: November and December follow
        importCsv("T0,D0,2026-10-20,A,CORE,1,10000,USD,RETAIL,NEW,bob:100\n");
        assertThat(commission.statements().statement("bob", Period.parse("2026-12")).totals().drawRecovered().amount())
                .isEqualByComparingTo("0");
    }

    @Test
    void queuedRecomputationsAreClaimedOnceAndDrainTheQueue() {
        layeredPlanFor("alice", "bob");
        importCsv("T1,D1,2026-11-05,A,CORE,1,10000,USD,RETAIL,NEW,alice:50;bob:50\n");
        assertThat(commission.periods().pendingJobs()).isPositive();
        assertThat(storedCount()).isZero();

        while (commission.periods().runOneJob()) {
            // drain
        }

        assertThat(commission.periods().pendingJobs()).isZero();
        java.util.List<String> stored = jdbi.withHandle(handle -> handle.createQuery("select username from"
                + " commission_statements where period = '2026-Q4' order by username").mapTo(String.class).list());
        assertThat(stored).containsExactly("alice", "bob");
    }

    @Test
    void aJobClaimedByOneInstanceIsSkippedByAnotherAndReturnsIfThatInstanceDies() throws Exception {
        layeredPlanFor("alice");
        jdbi.useHandle(handle -> handle.execute("delete from commission_jobs"));
        importCsv("""
                T1,D1,2026-11-05,A,CORE,1,10000,USD,RETAIL,NEW,alice:100
                T2,D2,2027-01-05,A,CORE,1,10000,USD,RETAIL,NEW,alice:100
                """);
        assertThat(commission.periods().pendingJobs()).isEqualTo(1);
        commission.plans().putQuota("alice", "2027-Q1", new BigDecimal("300000"), "finance");
        assertThat(commission.periods().pendingJobs()).isEqualTo(2);

        try (org.jdbi.v3.core.Handle crashing = jdbi.open()) {
            crashing.begin();
            RecomputeJobDao.Job held = crashing.attach(RecomputeJobDao.class).claim().orElseThrow();

            // another instance claims the other job, never the one held
            assertThat(java.util.concurrent.CompletableFuture.supplyAsync(commission.periods()::runOneJob).get()).isTrue();
            assertThat(java.util.concurrent.CompletableFuture.supplyAsync(commission.periods()::runOneJob).get()).isFalse();
            assertThat(commission.periods().pendingJobs()).isEqualTo(1);

            crashing.rollback(); // the instance dies: its claim is released with its transaction
            assertThat(held.username()).isEqualTo("alice");
        }
        assertThat(commission.periods().runOneJob()).isTrue();
        assertThat(commission.periods().pendingJobs()).isZero();
    }

    @Test
    void aPlanVersionWithAnEarlierEffectiveDateChangesOpenStatements() {
        layeredPlanFor("alice");
        importCsv("T1,D1,2026-11-05,A,CORE,1,10000,USD,RETAIL,NEW,alice:100\n");
        assertThat(commission.statements().statement("alice", Q4).totals().earned().amount()).isEqualByComparingTo("1500.00");

        commission.plans().putPlan("ae-layered", "effectiveFrom: 2026-07-01\n"
                + Fixtures.resource("layered-plan.yaml").replace("baseRate: 0.15", "baseRate: 0.12"), "finance");

        Statement statement = commission.statements().statement("alice", Q4);
        assertThat(statement.plan()).isEqualTo("ae-layered@v2");
        assertThat(statement.totals().earned().amount()).isEqualByComparingTo("1200.00");
    }

    private long storedCount() {
        return jdbi.withHandle(handle -> handle.createQuery("select count(*) from commission_statements")
                .mapTo(Long.class).one());
    }
}
