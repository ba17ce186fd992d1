package dealdesk.commission;

import dealdesk.common.ApiException;
import dealdesk.common.Period;
import dealdesk.common.Money;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * What a change of commission inputs does to open statements, told to whoever makes it (no
 * silent recompute surprise): each affected user's open statements from the change's first day
 * (those stored, and the current period's) before and after, in the change's transaction.
 */
public final class OpenStatementChanges {
    /**
     * One open statement whose earnings a change moves. before or after is null when there is no
     * statement; difference is null when neither is there or they are in different currencies (a plan
     * that pays in another currency replaced the old one).
     */
    public record StatementChange(String username, String period, Money before, Money after, Money difference) {
    }

    private final StatementService statements;
    private final Map<String, Period> targets = new LinkedHashMap<>();
    private final Map<String, Money> before = new LinkedHashMap<>();

    private OpenStatementChanges(StatementService statements) {
        this.statements = statements;
    }

    /** Reads the earnings of every open statement of {@code usernames} ending on or after {@code from}. */
    static OpenStatementChanges before(Handle handle, StatementService statements, PlanLookup plans,
                                       List<String> usernames, LocalDate from, LocalDate today) {
        OpenStatementChanges changes = new OpenStatementChanges(statements);
        for (String username : usernames) {
            Set<Period> periods = new LinkedHashSet<>();
            handle.createQuery("select period from commission_statements where username = :username"
                            + " and status = 'OPEN' and period_end >= :from order by period_start")
                    .bind("username", username).bind("from", from).mapTo(String.class)
                    .forEach(period -> periods.add(Period.parse(period)));
            plans.on(handle, username, today).ifPresent(plan -> {
                Period current = Period.containing(plan.period(), today);
                if (!current.end().isBefore(from)) {
                    periods.add(current);
                }
            });
            for (Period period : periods) {
                String key = username + "/" + period;
                changes.targets.put(key, period);
                changes.before.put(key, changes.earned(handle, username, period));
            }
        }
        return changes;
    }

    /** The same statements after the change (recomputed where the change forgot them), with their difference. */
    List<StatementChange> after(Handle handle) {
        List<StatementChange> result = new ArrayList<>();
        for (Map.Entry<String, Period> target : targets.entrySet()) {
            String username = target.getKey().substring(0, target.getKey().indexOf('/'));
            Money was = before.get(target.getKey());
            Money now = earned(handle, username, target.getValue());
            Money difference = difference(was, now);
            if (was == null || now == null || difference == null || !difference.isZero()) {
                result.add(new StatementChange(username, target.getValue().toString(), was, now, difference));
            }
        }
        return result;
    }

    private static Money difference(Money was, Money now) {
        if (was == null || now == null) {
            return was == null ? now : was.negate();
        }
        return was.currency().equals(now.currency()) ? now.minus(was) : null;
    }

    private Money earned(Handle handle, String username, Period period) {
        try {
            return statements.statement(handle, username, period).totals().earned();
        } catch (ApiException e) {
            return null; // no statement: no plan or quota for the period
        }
    }
}
