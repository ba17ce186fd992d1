package dealdesk.commission;

import dealdesk.auth.UserService;
import dealdesk.commission.engine.CommissionEngine;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The commission feature's services, built together because they share the plan
 * lookup, the input versions and the change bookkeeping. Each does one job.
 */
public record CommissionServices(
        PlanLookup planLookup,
        PlanService plans,
        BookingService bookings,
        StatementService statements,
        PeriodService periods,
        EstimateService estimates,
        CommissionChanges changes) {

    /** Services that take bookings in their plans' currencies only (no exchange rates). */
    public static CommissionServices build(Jdbi jdbi, UserService users, CommissionEngine engine, Clock clock) {
        return build(jdbi, users, engine, ExchangeRates.NONE, clock);
    }

    /** {@code rates}: what converts a booking made in another currency than its plan's (finance keeps them). */
    public static CommissionServices build(Jdbi jdbi, UserService users, CommissionEngine engine, ExchangeRates rates,
                                           Clock clock) {
        PlanLookup lookup = new PlanLookup(jdbi);
        InputVersions versions = new InputVersions(jdbi);
        CommissionChanges changes = new CommissionChanges(lookup, versions, clock);
        StatementService statements = new StatementService(jdbi, users, engine, lookup, changes, clock);
        return new CommissionServices(lookup,
                new PlanService(jdbi, users, lookup, changes, clock, statements),
                new BookingService(jdbi, users, lookup, changes, rates, clock),
                statements,
                new PeriodService(jdbi, statements, changes),
                new EstimateService(jdbi, statements, lookup, versions),
                changes);
    }
}
