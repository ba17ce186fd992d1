package dealdesk.commission;

import dealdesk.auth.UserService;
import dealdesk.commission.engine.CommissionEngine;
import dealdesk.commission.engine.Statement;
import dealdesk.commission.engine.StatementInput;
import dealdesk.commission.plan.Plan;
import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.FieldError;
import dealdesk.common.Period;
import dealdesk.common.Money;
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
    private volatile StatementOverlay overlay = StatementOverlay.NONE;

    public StatementService(Jdbi jdbi, UserService users, CommissionEngine engine, PlanLookup plans,
                            CommissionChanges changes, Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.engine = engine;
        this.plans = plans;
        this.changes = changes;
        this.clock = clock;
    }

    /** What finance lays over every statement read: its adjustments. */
    public void useOverlay(StatementOverlay statementOverlay) {
        this.overlay = statementOverlay;
    }

    public CommissionEngine engine() {
        return engine;
    }

    /** The statement, from storage when its inputs have not changed since it was computed. */
    public Statement statement(String username, Period period) {
        users.require(username);
        return jdbi.inTransaction(handle -> overlay.apply(handle, statement(handle, username, period)));
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
                CommissionJson.write(statement), statement.totals().drawBalance().amount(), clock.instant()));
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
        Money quota = handle.attach(QuotaDao.class).find(username, period.toString())
                .map(amount -> Money.of(amount, plan.currency())).orElse(null);
        List<Transaction> transactions = counting(plan, handle.attach(TransactionDao.class)
                .closedIn(username, period.start(), period.end()));
        Money drawBalance = Money.zero(plan.currency());
        if (plan.limits().draw() != null) {
            Period previous = period.previous();
            if (plans.forPeriod(handle, username, previous).filter(p -> p.period() == previous.type()).isPresent()) {
                drawBalance = statement(handle, username, previous).totals().drawBalance();
            }
        }
        return new StatementInput(plan, username, period, quota, transactions, List.of(), drawBalance);
    }

    /**
     * The transactions that count: a deal cancelled within the plan's clawback window no longer
     * counts toward pay or attainment, as if it never closed. If its period is closed, finance
     * posts the difference as a prior-period adjustment (see {@link LateChanges}).
     */
    static List<Transaction> counting(Plan plan, List<Transaction> transactions) {
        Integer window = plan.limits().clawbackWindowDays();
        if (window == null) {
            return transactions;
        }
        List<Transaction> counting = new ArrayList<>(transactions.size());
        for (Transaction transaction : transactions) {
            if (transaction.cancelledOn() == null
                    || transaction.cancelledOn().isAfter(transaction.closeDate().plusDays(window))) {
                counting.add(transaction);
            }
        }
        return counting;
    }
}
