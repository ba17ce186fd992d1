package dealdesk.commission;

import dealdesk.commission.Transaction.Split;
import dealdesk.common.Period;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jdbi.v3.core.Handle;

/**
 * What every write to commission inputs does in its transaction: lock the users it
 * touches, forget their open statements from the first changed date on, bump their
 * input versions and queue the recomputation. Writes and recomputations of one user
 * take the same advisory lock, so a statement is never stored from stale inputs.
 */
public class CommissionChanges {
    private final PlanLookup plans;
    private final InputVersions versions;
    private final Clock clock;
    private volatile LateChanges lateChanges = LateChanges.NONE;

    public CommissionChanges(PlanLookup plans, InputVersions versions, Clock clock) {
        this.plans = plans;
        this.versions = versions;
        this.clock = clock;
    }

    /** Who hears of changes that reach back into closed periods (finance, to post the difference). */
    public void useLateChanges(LateChanges listener) {
        this.lateChanges = listener;
    }

    public void lock(Handle handle, String username) {
        handle.execute("select pg_advisory_xact_lock(hashtext(?))", "commission:" + username);
    }

    /** Locks users in name order, so two writers never wait on each other in a circle. */
    public void lockAll(Handle handle, Collection<String> usernames) {
        for (String username : new TreeSet<>(usernames)) {
            lock(handle, username);
        }
    }

    /** Forgets open statements from each user's date on, bumps their versions and queues the period containing it. */
    public void changed(Handle handle, Map<String, LocalDate> fromByUser) {
        StatementDao statements = handle.attach(StatementDao.class);
        RecomputeJobDao jobs = handle.attach(RecomputeJobDao.class);
        for (Map.Entry<String, LocalDate> entry : new TreeMap<>(fromByUser).entrySet()) {
            String username = entry.getKey();
            LocalDate from = entry.getValue();
            statements.forgetOpen(username, from);
            versions.bump(handle, username);
            for (Assignment assignment : handle.attach(AssignmentDao.class).of(username)) {
                if (assignment.overlaps(from, from)) {
                    plans.latest(handle, assignment.planId()).ifPresent(plan ->
                            jobs.enqueue(username, Period.containing(plan.period(), from).toString(), clock.instant()));
                }
            }
            lateChanges.changed(handle, username, from);
        }
    }

    /** Bumps the user's input version without forgetting anything (a period close). */
    public void touched(Handle handle, String username) {
        versions.bump(handle, username);
    }

    /** Adds each split user of the transaction with its close date, keeping the earliest date per user. */
    public static void affect(Map<String, LocalDate> affected, Transaction transaction) {
        for (Split split : transaction.splits()) {
            affected.merge(split.username(), transaction.closeDate(), (a, b) -> a.isBefore(b) ? a : b);
        }
    }
}
