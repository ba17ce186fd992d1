package dealdesk.commission;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dealdesk.commission.plan.Plan;
import dealdesk.commission.plan.PlanParser;
import dealdesk.common.Period;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Which plan version pays a user when: their assignment, then the newest version
 * of that plan effective by the period's end. Parsed documents are kept (a stored
 * version never changes).
 */
public class PlanLookup {
    private static final int MAX_PARSED = 10_000;

    private final Jdbi jdbi;
    private final Cache<String, Plan> parsed = Caffeine.newBuilder().maximumSize(MAX_PARSED).build();

    public PlanLookup(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The stored version's document as a plan (parsed once per version). */
    public Plan parsed(PlanVersion version) {
        return parsed.get(version.id() + "@" + version.version(),
                key -> PlanParser.parse(version.document()).withVersion(version.version(), version.effectiveFrom()));
    }

    public Optional<Plan> latest(Handle handle, String planId) {
        return handle.attach(PlanDao.class).latest(planId).map(this::parsed);
    }

    /** The plan version a user is paid by in a period: their assignment, the newest version effective by its end. */
    public Optional<Plan> forPeriod(Handle handle, String username, Period period) {
        Assignment assignment = null;
        for (Assignment candidate : handle.attach(AssignmentDao.class).of(username)) {
            if (candidate.overlaps(period.start(), period.end())) {
                assignment = candidate;
            }
        }
        if (assignment == null) {
            return Optional.empty();
        }
        return handle.attach(PlanDao.class).effective(assignment.planId(), period.end()).map(this::parsed);
    }

    /** The plan a user would be paid by for a deal closing on a date, if any. */
    public Optional<Plan> on(String username, LocalDate date) {
        return jdbi.withHandle(handle -> on(handle, username, date));
    }

    public Optional<Plan> on(Handle handle, String username, LocalDate date) {
        for (Assignment assignment : handle.attach(AssignmentDao.class).of(username)) {
            if (assignment.overlaps(date, date)) {
                Optional<Plan> latest = latest(handle, assignment.planId());
                if (latest.isEmpty()) {
                    return Optional.empty();
                }
                Period period = Period.containing(latest.get().period(), date);
                return handle.attach(PlanDao.class).effective(assignment.planId(), period.end()).map(this::parsed);
            }
        }
        return Optional.empty();
    }

    /** A lookup for many users and dates at once (an import): one query per user and one per plan. */
    public Batch batch(Handle handle) {
        return new Batch(handle);
    }

    /** Answers {@link #on(Handle, String, LocalDate)} from assignments and versions read once. */
    public final class Batch {
        private final Handle handle;
        private final Map<String, List<Assignment>> assignments = new HashMap<>();
        private final Map<String, List<PlanVersion>> versions = new HashMap<>();

        private Batch(Handle handle) {
            this.handle = handle;
        }

        private final Map<String, Optional<Plan>> answers = new HashMap<>();

        /** Reads the assignments of all these users at once (one query), for a batch naming many. */
        public Batch prefetch(java.util.Collection<String> usernames) {
            String[] missing = usernames.stream().filter(name -> !assignments.containsKey(name)).distinct()
                    .toArray(String[]::new);
            if (missing.length > 0) {
                for (String username : missing) {
                    assignments.put(username, new java.util.ArrayList<>());
                }
                for (Assignment assignment : handle.attach(AssignmentDao.class).ofAll(missing)) {
                    assignments.get(assignment.username()).add(assignment);
                }
            }
            return this;
        }

        public Optional<Plan> on(String username, LocalDate date) {
            return answers.computeIfAbsent(username + "|" + date, key -> lookUp(username, date));
        }

        private Optional<Plan> lookUp(String username, LocalDate date) {
            for (Assignment assignment : assignments.computeIfAbsent(username,
                    user -> handle.attach(AssignmentDao.class).of(user))) {
                if (assignment.overlaps(date, date)) {
                    List<PlanVersion> all = versions.computeIfAbsent(assignment.planId(),
                            id -> handle.attach(PlanDao.class).versions(id));
                    if (all.isEmpty()) {
                        return Optional.empty();
                    }
                    LocalDate end = Period.containing(parsed(all.get(all.size() - 1)).period(), date).end();
                    PlanVersion effective = null;
                    for (PlanVersion version : all) { // oldest first: the last one effective by the end wins
                        if (!version.effectiveFrom().isAfter(end)) {
                            effective = version;
                        }
                    }
                    return Optional.ofNullable(effective).map(PlanLookup.this::parsed);
                }
            }
            return Optional.empty();
        }
    }
}
