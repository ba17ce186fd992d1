package dealdesk.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dealdesk.auth.PasswordHasher;
import dealdesk.auth.Role;
import dealdesk.auth.UserService;
import dealdesk.commission.CommissionServices;
import dealdesk.commission.TransactionParser;
import dealdesk.commission.api.AssignmentRequest;
import dealdesk.commission.engine.CommissionEngine;
import dealdesk.commission.engine.Fixtures;
import dealdesk.commission.engine.Statement;
import dealdesk.common.ApiException;
import dealdesk.common.Period;
import dealdesk.testing.TestDatabase;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Late changes to a closed quarter, on a real PostgreSQL on 2027-01-15: the
 * closed statement stays as it was paid and the difference is a PRIOR_PERIOD
 * adjustment in 2027-Q1, posted once however often the change is repeated.
 * A plan version may not start in a closed period (the plans feature refuses it).
 */
class PriorPeriodsTest {
    private static final String HEADER = "id,dealId,closeDate,sku,family,units,amount,currency,industry,dealType,splits\n";
    private static final Period Q4 = Period.parse("2026-Q4");
    private static final Period Q1 = Period.parse("2027-Q1");

    private CommissionServices commission;
    private PeriodService periods;

    @BeforeEach
    void freshDatabase() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        Clock clock = Clock.fixed(Instant.parse("2027-01-15T09:00:00Z"), ZoneOffset.UTC);
        UserService users = new UserService(jdbi, new PasswordHasher(4), clock, Duration.ofHours(1));
        users.create(new UserService.NewUser("alice", "Alice", Role.REP, "demo", null));
        commission = CommissionServices.build(jdbi, users, new CommissionEngine(Fixtures.DROOLS), clock);
        AdjustmentService adjustments = new AdjustmentService(jdbi, users, commission, clock);
        commission.statements().useOverlay(adjustments::overlay);
        commission.changes().useLateChanges(new PriorPeriods(commission, adjustments));
        periods = new PeriodService(jdbi, users, commission, clock);
        commission.plans().putPlan("ae-layered", "effectiveFrom: 2026-01-01\nclawback: { windowDays: 90 }\n"
                + Fixtures.resource("layered-plan.yaml"), "finance");
        commission.plans().putAssignment("ae-layered", "alice", new AssignmentRequest("2026-01-01", null), "finance");
        commission.plans().putQuota("alice", "2026-Q4", new BigDecimal("200000"), "finance");
        commission.plans().putQuota("alice", "2027-Q1", new BigDecimal("200000"), "finance");
    }

    private void importCsv(String rows) {
        commission.bookings().importTransactions(TransactionParser.fromCsv(HEADER + rows), "rows", "IMPORT", "finance");
    }

    @Test
    void aDealCancelledAfterItsQuarterClosedIsTakenBackInTheOpenQuarter() {
        importCsv("""
                T1,D1,2026-12-20,A,CORE,1,50000,USD,RETAIL,NEW,alice:100
                T9,D9,2027-01-05,A,CORE,1,10000,USD,RETAIL,NEW,alice:100
                """);
        Statement paid = commission.statements().statement("alice", Q4);
        periods.close("2026-Q4", null, "finance");

        commission.bookings().cancelDeal("D1", LocalDate.parse("2027-01-10"), "finance");

        Statement closed = commission.statements().statement("alice", Q4);
        assertThat(closed.status()).isEqualTo("CLOSED");
        assertThat(closed.lines()).isEqualTo(paid.lines());
        Statement open = commission.statements().statement("alice", Q1);
        // paid in Q4 at 0.15 x 1.10 (last 14 days) = 8,250.00
        assertThat(open.adjustments()).singleElement().satisfies(adjustment -> {
            assertThat(adjustment.kind()).isEqualTo("PRIOR_PERIOD");
            assertThat(adjustment.sourcePeriod()).isEqualTo("2026-Q4");
            assertThat(adjustment.amount().amount()).isEqualByComparingTo("-8250.00");
            assertThat(adjustment.reason()).contains("removed T1");
        });
        // T9 in Q1: 10,000 x 0.15 x 1.05 (first 21 days) = 1,575.00
        assertThat(open.totals().earned().amount()).isEqualByComparingTo("1575.00");
        assertThat(open.totals().payable().amount()).isEqualByComparingTo("-6675.00");
    }

    @Test
    void aReimportedBookingWithAnotherAmountPostsOnlyTheDifferenceAndOnlyOnce() {
        importCsv("T1,D1,2026-11-02,A,CORE,1,50000,USD,RETAIL,NEW,alice:100\n");
        periods.close("2026-Q4", null, "finance");

        importCsv("T1,D1,2026-11-02,A,CORE,1,60000,USD,RETAIL,NEW,alice:100\n");
        importCsv("T1,D1,2026-11-02,A,CORE,1,60000,USD,RETAIL,NEW,alice:100\n");
        commission.plans().putQuota("alice", "2027-Q1", new BigDecimal("250000"), "finance");

        // 10,000 more at 0.15
        assertThat(commission.statements().statement("alice", Q1).adjustments())
                .extracting(Statement.AdjustmentLine::amount).containsExactly(Money.of("1500.00", "USD"));
        assertThat(commission.statements().statement("alice", Q4).totals().earned().amount()).isEqualByComparingTo("7500.00");
    }

    @Test
    void aNewPlanVersionCannotReachBackIntoAClosedQuarterSoNothingIsPosted() {
        importCsv("T1,D1,2026-11-02,A,CORE,1,50000,USD,RETAIL,NEW,alice:100\n");
        periods.close("2026-Q4", null, "finance");

        ApiException refused = catchThrowableOfType(ApiException.class, () -> commission.plans().putPlan("ae-layered",
                "effectiveFrom: 2026-01-01\nclawback: { windowDays: 90 }\n"
                        + Fixtures.resource("layered-plan.yaml").replace("baseRate: 0.15", "baseRate: 0.17"), "finance"));

        assertThat(refused.code().status()).isEqualTo(409);
        assertThat(commission.statements().statement("alice", Q1).adjustments()).isEmpty();
        assertThat(commission.statements().statement("alice", Q4).plan()).endsWith("@v1");
    }
}
