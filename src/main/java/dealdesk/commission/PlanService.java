package dealdesk.commission;

import dealdesk.auth.UserService;
import dealdesk.commission.api.AssignmentRequest;
import dealdesk.commission.api.QuotaRequest;
import dealdesk.commission.plan.Plan;
import dealdesk.commission.plan.PlanParser;
import dealdesk.common.ApiException;
import dealdesk.common.Dates;
import dealdesk.common.ErrorCode;
import dealdesk.common.FieldError;
import dealdesk.common.Period;
import dealdesk.common.Validation;
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
    private final StatementService statements;

    /** The first version of a plan applies from before any period. */
    public static final LocalDate START_OF_TIME = LocalDate.of(1900, 1, 1);

    public PlanService(Jdbi jdbi, UserService users, PlanLookup lookup, CommissionChanges changes, Clock clock,
                       StatementService statements) {
        this.jdbi = jdbi;
        this.users = users;
        this.lookup = lookup;
        this.changes = changes;
        this.clock = clock;
        this.statements = statements;
    }

    /** changes: the open statements the new version changed, with their difference (none when listing versions). */
    public record StoredPlan(String id, int version, LocalDate effectiveFrom, Plan plan,
                             List<OpenStatementChanges.StatementChange> changes) {
    }

    public record Quota(String username, String period, BigDecimal amount) {
    }

    /**
     * Validates and stores a new version of a plan document (YAML or JSON). The first version
     * without effectiveFrom applies from the start of time; a later one must name it (422) and may
     * not take effect inside a closed period (409). The answer lists the open statements it changed.
     */
    public StoredPlan putPlan(String id, String document, String actor) {
        Plan parsed = PlanParser.parse(document);
        if (!id.equals(parsed.id())) {
            throw ApiException.invalid("id", "the document's id " + parsed.id() + " differs from the path's " + id);
        }
        return jdbi.inTransaction(handle -> {
            PlanDao plans = handle.attach(PlanDao.class);
            handle.execute("select pg_advisory_xact_lock(hashtext(?))", "plan:" + id);
            int version = plans.latestVersion(id) + 1;
            if (version > 1 && parsed.effectiveFrom() == null) {
                throw ApiException.invalid("effectiveFrom", "plan " + id + " has a version already: say from when"
                        + " the new one applies (effectiveFrom)");
            }
            LocalDate effectiveFrom = parsed.effectiveFrom() != null ? parsed.effectiveFrom() : START_OF_TIME;
            if (version > 1) {
                refuseInsideClosedPeriod(handle, effectiveFrom);
            }
            List<String> assigned = handle.attach(AssignmentDao.class).usersOf(id);
            changes.lockAll(handle, assigned);
            OpenStatementChanges open = OpenStatementChanges.before(handle, statements, lookup, assigned, effectiveFrom,
                    LocalDate.now(clock));
            plans.insert(new PlanVersion(id, version, effectiveFrom, document, actor, clock.instant()));
            Map<String, LocalDate> changed = new TreeMap<>();
            assigned.forEach(username -> changed.put(username, effectiveFrom));
            changes.changed(handle, changed);
            List<OpenStatementChanges.StatementChange> differences = open.after(handle);
            CommissionAudit.record(handle, actor, "PUT_PLAN", "commission_plan", id + "@v" + version,
                    version > 1 ? Map.of("version", version - 1) : null, Map.of("version", version, "effectiveFrom", effectiveFrom.toString(), "changes", differences));
            return new StoredPlan(id, version, effectiveFrom, parsed.withVersion(version, effectiveFrom), differences);
        });
    }

    /** Closed statements never change: a version may take effect only after the last closed period. */
    private static void refuseInsideClosedPeriod(org.jdbi.v3.core.Handle handle, LocalDate effectiveFrom) {
        handle.createQuery("select max(period_end) from commission_statements where status <> 'OPEN'")
                .mapTo(LocalDate.class).findOne()
                .filter(closedUntil -> !effectiveFrom.isAfter(closedUntil))
                .ifPresent(closedUntil -> {
                    throw new ApiException(ErrorCode.INVALID_STATE, "periods up to " + closedUntil + " are closed;"
                            + " a new version can apply from " + closedUntil.plusDays(1) + " on",
                            List.of(new FieldError("effectiveFrom", "inside a closed period (closed up to "
                                    + closedUntil + ")")));
                });
    }

    public List<StoredPlan> versions(String id) {
        List<PlanVersion> versions = jdbi.withExtension(PlanDao.class, dao -> dao.versions(id));
        if (versions.isEmpty()) {
            throw ApiException.notFound("plan", id);
        }
        return versions.stream().map(version -> new StoredPlan(version.id(), version.version(), version.effectiveFrom(),
                lookup.parsed(version), List.of())).toList();
    }

    /** The plan a user would be paid by for a deal closing on a date, if any. */
    public Optional<Plan> planOn(String username, LocalDate date) {
        return lookup.on(username, date);
    }

    /** Puts the user on the plan from {@code from} to {@code to}, replacing their earlier spans of it. */
    public Assignment putAssignment(String planId, String username, AssignmentRequest request, String actor) {
        if (request == null) {
            throw ApiException.invalid("body", "send {from, to}");
        }
        Validation validation = new Validation();
        validation.check(request, "");
        validation.throwIfInvalid(AssignmentRequest.class);
        LocalDate from = Dates.parse(request.from()).orElseThrow();
        LocalDate to = request.to() == null ? null : Dates.parse(request.to()).orElseThrow();
        if (to != null && to.isBefore(from)) {
            throw ApiException.invalid("to", "to (" + to + ") is before from (" + from + ")");
        }
        users.require(username);
        return jdbi.inTransaction(handle -> {
            if (handle.attach(PlanDao.class).latestVersion(planId) == 0) {
                throw ApiException.notFound("plan", planId);
            }
            changes.lock(handle, username);
            AssignmentDao assignments = handle.attach(AssignmentDao.class);
            List<Assignment> previous = assignments.of(username).stream()
                    .filter(other -> other.planId().equals(planId)).toList();
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
                    previous.isEmpty() ? null : previous.stream().map(old -> Map.of("from", old.from().toString(),
                            "to", String.valueOf(old.to()))).toList(),
                    Map.of("from", from.toString(), "to", String.valueOf(to)));
            return assignment;
        });
    }

    public Quota putQuota(String username, String periodText, BigDecimal amount, String actor) {
        Period period = Period.parse(periodText);
        Validation validation = new Validation();
        validation.check(new QuotaRequest(amount), "");
        validation.throwIfInvalid();
        users.require(username);
        jdbi.useTransaction(handle -> {
            changes.lock(handle, username);
            Object before = handle.attach(QuotaDao.class).find(username, period.toString())
                    .map(old -> (Object) Map.of("amount", old)).orElse(null);
            handle.attach(QuotaDao.class).put(username, period.toString(), amount);
            changes.changed(handle, Map.of(username, period.start()));
            CommissionAudit.record(handle, actor, "PUT_QUOTA", "commission_quota", username + ":" + period,
                    before, Map.of("amount", amount));
        });
        return new Quota(username, period.toString(), amount);
    }
}
