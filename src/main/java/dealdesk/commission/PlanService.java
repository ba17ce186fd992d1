package dealdesk.commission;

import dealdesk.auth.UserService;
import dealdesk.commission.api.AssignmentRequest;
import dealdesk.commission.plan.Plan;
import dealdesk.commission.plan.PlanParser;
import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.FieldError;
import dealdesk.common.Period;
import dealdesk.common.Validation;
import dealdesk.common.Values;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;

/** Plans and their versions, who is on which plan when, and quotas. */
public class PlanService {
    private final Jdbi jdbi;
    private final UserService users;
    private final PlanLookup lookup;
    private final CommissionChanges changes;
    private final Clock clock;

    public PlanService(Jdbi jdbi, UserService users, PlanLookup lookup, CommissionChanges changes, Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.lookup = lookup;
        this.changes = changes;
        this.clock = clock;
    }

    public record StoredPlan(String id, int version, LocalDate effectiveFrom, Plan plan) {
    }

    public record Quota(String username, String period, BigDecimal amount) {
    }

    /**
     * Validates and stores a new version of a plan document (YAML or JSON). A
     * document without effectiveFrom applies from the day it is stored.
     */
    public StoredPlan putPlan(String id, String document, String actor) {
        Plan parsed = PlanParser.parse(document);
        if (!id.equals(parsed.id())) {
            throw ApiException.invalid("id", "the document's id " + parsed.id() + " differs from the path's " + id);
        }
        LocalDate effectiveFrom = parsed.effectiveFrom() != null ? parsed.effectiveFrom() : LocalDate.now(clock);
        return jdbi.inTransaction(handle -> {
            PlanDao plans = handle.attach(PlanDao.class);
            handle.execute("select pg_advisory_xact_lock(hashtext(?))", "plan:" + id);
            int version = plans.latestVersion(id) + 1;
            plans.insert(new PlanVersion(id, version, effectiveFrom, document, actor, clock.instant()));
            Map<String, LocalDate> assigned = new TreeMap<>();
            handle.attach(AssignmentDao.class).usersOf(id).forEach(username -> assigned.put(username, effectiveFrom));
            changes.changed(handle, assigned);
            CommissionAudit.record(handle, actor, "PUT_PLAN", "commission_plan", id + "@v" + version,
                    Map.of("version", version, "effectiveFrom", effectiveFrom.toString()));
            return new StoredPlan(id, version, effectiveFrom, parsed.withVersion(version, effectiveFrom));
        });
    }

    public List<StoredPlan> versions(String id) {
        List<PlanVersion> versions = jdbi.withExtension(PlanDao.class, dao -> dao.versions(id));
        if (versions.isEmpty()) {
            throw ApiException.notFound("plan", id);
        }
        return versions.stream().map(version -> new StoredPlan(version.id(), version.version(), version.effectiveFrom(),
                lookup.parsed(version))).toList();
    }

    /** The plan a user would be paid by for a deal closing on a date, if any. */
    public Optional<Plan> planOn(String username, LocalDate date) {
        return lookup.on(username, date);
    }

    /** Puts the user on the plan from {@code from} to {@code to}, replacing their earlier spans of it. */
    public Assignment putAssignment(String planId, String username, AssignmentRequest request, String actor) {
        Validation validation = new Validation();
        if (request == null) {
            throw ApiException.invalid("body", "send {from, to}");
        }
        LocalDate from = Values.date(request.from(), "from", validation);
        LocalDate to = request.to() == null ? null : Values.date(request.to(), "to", validation);
        if (from != null && to != null && to.isBefore(from)) {
            validation.add("to", "to (" + to + ") is before from (" + from + ")");
        }
        validation.throwIfInvalid();
        users.require(username);
        return jdbi.inTransaction(handle -> {
            if (handle.attach(PlanDao.class).latestVersion(planId) == 0) {
                throw ApiException.notFound("plan", planId);
            }
            changes.lock(handle, username);
            AssignmentDao assignments = handle.attach(AssignmentDao.class);
            LocalDate earliest = from;
            for (Assignment other : assignments.of(username)) {
                if (other.planId().equals(planId)) {
                    earliest = other.from().isBefore(earliest) ? other.from() : earliest;
                } else if (other.overlaps(from, to)) {
                    throw new ApiException(ErrorCode.CONFLICT, username + " is on plan " + other.planId() + " from "
                            + other.from() + (other.to() == null ? "" : " to " + other.to()),
                            List.of(new FieldError("from", "overlaps the assignment to plan " + other.planId())));
                }
            }
            Assignment assignment = new Assignment(username, planId, from, to);
            assignments.delete(username, planId);
            assignments.insert(assignment);
            changes.changed(handle, Map.of(username, earliest));
            CommissionAudit.record(handle, actor, "PUT_ASSIGNMENT", "commission_assignment", username + ":" + planId,
                    Map.of("from", from.toString(), "to", String.valueOf(to)));
            return assignment;
        });
    }

    public Quota putQuota(String username, String periodText, BigDecimal amount, String actor) {
        Period period = Period.parse(periodText);
        Validation validation = new Validation();
        if (amount == null) {
            validation.add("amount", "amount is required");
        } else if (amount.signum() < 0) {
            validation.add("amount", "amount must not be negative");
        } else if (amount.compareTo(Values.ABSURD) >= 0) {
            validation.add("amount", "must be below 1,000,000,000,000");
        }
        validation.throwIfInvalid();
        users.require(username);
        jdbi.useTransaction(handle -> {
            changes.lock(handle, username);
            handle.attach(QuotaDao.class).put(username, period.toString(), amount);
            changes.changed(handle, Map.of(username, period.start()));
            CommissionAudit.record(handle, actor, "PUT_QUOTA", "commission_quota", username + ":" + period,
                    Map.of("amount", amount));
        });
        return new Quota(username, period.toString(), amount);
    }
}
