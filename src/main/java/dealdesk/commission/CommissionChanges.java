package dealdesk.commission;

import dealdesk.commission.Transaction.Split;
import dealdesk.common.Period;
import java.time.Clock;
import java.time.LocalDate;
import dealdesk.commission.plan.Plan;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * Locks users in name order, so two writers never wait on each other in a circle: one round trip
     * for all of them (the same locks as {@link #lock}).
     */
    public void lockAll(Handle handle, Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return;
        }
        handle.createQuery("select count(pg_advisory_xact_lock(hashtext('commission:' || name)))"
                        + " from (select name from unnest(:names) as name order by name offset 0) as ordered")
                .bind("names", new TreeSet<>(usernames).toArray(String[]::new)).mapTo(Long.class).one();
    }

    /**
     * Forgets open statements from each user's date on, bumps their versions and queues the period
     * containing it; a user with a closed statement from that date on is told to {@link LateChanges}.
     * A statement each for all the users, whatever their number (an import touches many).
     */
    public void changed(Handle handle, Map<String, LocalDate> fromByUser) {
        if (fromByUser.isEmpty()) {
            return;
        }
        TreeMap<String, LocalDate> sorted = new TreeMap<>(fromByUser);
        String[] names = sorted.keySet().toArray(String[]::new);
        String[] froms = sorted.values().stream().map(LocalDate::toString).toArray(String[]::new);
        handle.createUpdate("delete from commission_statements s"
                        + " using unnest(:names, cast(:froms as date[])) as c(username, from_date)"
                        + " where s.username = c.username and s.status = 'OPEN' and s.period_end >= c.from_date")
                .bind("names", names).bind("froms", froms).execute();
        versions.bumpAll(handle, sorted.keySet());
        List<String> jobUsers = new ArrayList<>();
        List<String> jobPeriods = new ArrayList<>();
        Map<String, Optional<Plan>> latest = new HashMap<>();
        for (Assignment assignment : handle.attach(AssignmentDao.class).ofAll(names)) {
            LocalDate from = sorted.get(assignment.username());
            if (assignment.overlaps(from, from)) {
                latest.computeIfAbsent(assignment.planId(), id -> plans.latest(handle, id)).ifPresent(plan -> {
                    jobUsers.add(assignment.username());
                    jobPeriods.add(Period.containing(plan.period(), from).toString());
                });
            }
        }
        handle.createUpdate("insert into commission_jobs (username, period, enqueued_at)"
                        + " select username, period, :now from unnest(:names, :periods) as j(username, period)"
                        + " on conflict do nothing")
                .bind("names", jobUsers.toArray(String[]::new)).bind("periods", jobPeriods.toArray(String[]::new))
                .bind("now", clock.instant()).execute();
        List<String> late = handle.createQuery("select distinct s.username from commission_statements s"
                        + " join unnest(:names, cast(:froms as date[])) as c(username, from_date)"
                        + " on s.username = c.username"
                        + " where s.status <> 'OPEN' and s.period_end >= c.from_date order by s.username")
                .bind("names", names).bind("froms", froms).mapTo(String.class).list();
        for (String username : late) {
            lateChanges.changed(handle, username, sorted.get(username));
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
