package dealdesk.commission;

import dealdesk.auth.UserService;
import dealdesk.commission.engine.CommissionEngine;
import dealdesk.commission.engine.Statement;
import dealdesk.commission.engine.StatementInput;
import dealdesk.commission.engine.StatementInput.CarriedClawback;
import dealdesk.commission.plan.Plan;
import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.FieldError;
import dealdesk.common.Period;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Statements per user and period: read from storage while their inputs are
 * unchanged, else computed by the engine from the inputs and stored.
 */
public class StatementService {
    private final Jdbi jdbi;
    private final UserService users;
    private final CommissionEngine engine;
    private final PlanLookup plans;
    private final CommissionChanges changes;
    private final Clock clock;

    public StatementService(Jdbi jdbi, UserService users, CommissionEngine engine, PlanLookup plans,
                            CommissionChanges changes, Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.engine = engine;
        this.plans = plans;
        this.changes = changes;
        this.clock = clock;
    }

    public CommissionEngine engine() {
        return engine;
    }

    /** The statement, from storage when its inputs have not changed since it was computed. */
    public Statement statement(String username, Period period) {
        users.require(username);
        return jdbi.inTransaction(handle -> statement(handle, username, period));
    }

    /** As {@link #statement(String, Period)}, in the caller's transaction (which may store it). */
    public Statement statement(Handle handle, String username, Period period) {
        StatementDao dao = handle.attach(StatementDao.class);
        Optional<StatementDao.StoredStatement> stored = dao.find(username, period.toString());
        if (stored.isPresent()) {
            return CommissionJson.statement(stored.get().body()).withStatus(stored.get().status());
        }
        changes.lock(handle, username);
        stored = dao.find(username, period.toString());
        if (stored.isPresent()) {
            return CommissionJson.statement(stored.get().body()).withStatus(stored.get().status());
        }
        Statement statement = engine.compute(input(handle, username, period));
        dao.storeOpen(new StatementDao.OpenStatement(username, period.toString(), period.start(), period.end(),
                CommissionJson.write(statement), statement.totals().drawBalance(), clock.instant()));
        return statement;
    }

    /** Everything the engine needs for a user and period, read in the caller's transaction. */
    public StatementInput input(Handle handle, String username, Period period) {
        Plan plan = plans.forPeriod(handle, username, period)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, username + " has no plan in " + period,
                        List.of(new FieldError("period", "no plan assigned to " + username + " in " + period))));
        if (plan.period() != period.type()) {
            throw ApiException.invalid("period", "plan " + plan.id() + " pays by " + plan.period() + "; ask for "
                    + Period.containing(plan.period(), period.start()));
        }
        BigDecimal quota = handle.attach(QuotaDao.class).find(username, period.toString()).orElse(null);
        List<Transaction> transactions = handle.attach(TransactionDao.class)
                .closedIn(username, period.start(), period.end());
        List<CarriedClawback> carried = carriedClawbacks(handle, username, period, plan);
        BigDecimal drawBalance = BigDecimal.ZERO;
        if (plan.limits().draw() != null) {
            Period previous = period.previous();
            if (plans.forPeriod(handle, username, previous).filter(p -> p.period() == previous.type()).isPresent()) {
                drawBalance = statement(handle, username, previous).totals().drawBalance();
            }
        }
        return new StatementInput(plan, username, period, quota, transactions, carried, drawBalance);
    }

    /** Deals cancelled in this period within the window whose credit a closed period paid: reversed here. */
    private List<CarriedClawback> carriedClawbacks(Handle handle, String username, Period period, Plan plan) {
        List<CarriedClawback> carried = new ArrayList<>();
        Integer window = plan.limits().clawbackWindowDays();
        if (window == null) {
            return carried;
        }
        StatementDao statements = handle.attach(StatementDao.class);
        for (Transaction cancelled : handle.attach(TransactionDao.class)
                .cancelledEarlier(username, period.start(), period.end())) {
            if (cancelled.cancelledOn().isAfter(cancelled.closeDate().plusDays(window))) {
                continue;
            }
            Period paidIn = Period.containing(plan.period(), cancelled.closeDate());
            Optional<StatementDao.StoredStatement> closed = statements.find(username, paidIn.toString())
                    .filter(row -> !row.status().equals("OPEN"));
            if (closed.isEmpty()) {
                continue; // reversed in its own statement, which is still open
            }
            // net of what the closed statement paid on it: zero if it was already reversed there
            BigDecimal paid = BigDecimal.ZERO;
            for (Statement.Line line : CommissionJson.statement(closed.get().body()).lines()) {
                if (cancelled.id().equals(line.transactionId())) {
                    paid = paid.add(line.amount());
                }
            }
            if (paid.signum() != 0) {
                carried.add(new CarriedClawback(cancelled.id(), cancelled.dealId(), paidIn.toString(),
                        cancelled.cancelledOn(), paid));
            }
        }
        return carried;
    }
}
