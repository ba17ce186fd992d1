package dealdesk.commission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dealdesk.auth.UserService;
import dealdesk.commission.Transaction.Split;
import dealdesk.commission.api.AssignmentRequest;
import dealdesk.commission.api.TransactionRequest;
import dealdesk.commission.engine.CommissionEngine;
import dealdesk.commission.engine.Statement;
import dealdesk.commission.engine.StatementInput;
import dealdesk.commission.engine.StatementInput.CarriedClawback;
import dealdesk.commission.plan.Plan;
import dealdesk.commission.plan.PlanParser;
import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.FieldError;
import dealdesk.common.Json;
import dealdesk.common.Period;
import dealdesk.common.Validation;
import dealdesk.common.Values;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Plans, assignments, quotas, transactions and statements. Every write forgets
 * the open statements it affects (and queues their recomputation); a read
 * recomputes a forgotten statement. Writes and recomputations of one user take
 * the same advisory lock, so a statement is never stored from stale inputs.
 */
public class CommissionService {
    private static final ObjectMapper JSON = Json.configure(new ObjectMapper()).findAndRegisterModules();

    private final Jdbi jdbi;
    private final UserService users;
    private final CommissionEngine engine;
    private final Clock clock;
    private final Map<String, Plan> parsedPlans = new ConcurrentHashMap<>();
    private static final long VERSION_RECHECK_NANOS = 1_000_000_000L;
    private final Map<String, CachedVersion> versions = new ConcurrentHashMap<>();
    private volatile StatementOverlay overlay = StatementOverlay.NONE;

    public CommissionService(Jdbi jdbi, UserService users, CommissionEngine engine, Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.engine = engine;
        this.clock = clock;
    }

    /** What finance lays over every statement read: its adjustments. */
    public void useOverlay(StatementOverlay statementOverlay) {
        this.overlay = statementOverlay;
    }

    public CommissionEngine engine() {
        return engine;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- plans --------------------------------------------------------------------------

    public record StoredPlan(String id, int version, LocalDate effectiveFrom, Plan plan) {
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
        LocalDate effectiveFrom = parsed.effectiveFrom() != null ? parsed.effectiveFrom() : today();
        return jdbi.inTransaction(handle -> {
            CommissionDao dao = handle.attach(CommissionDao.class);
            handle.execute("select pg_advisory_xact_lock(hashtext(?))", "plan:" + id);
            int version = dao.latestVersion(id) + 1;
            dao.insertPlan(id, version, effectiveFrom, document, actor, clock.instant());
            List<String> assigned = new ArrayList<>(dao.assignedUsers(id));
            invalidate(handle, new TreeMap<>(toMap(assigned, effectiveFrom)));
            handle.createUpdate("insert into audit_log (actor, action, entity, entity_id, after)"
                            + " values (:actor, 'PUT_PLAN', 'commission_plan', :id, cast(:after as jsonb))")
                    .bind("actor", actor).bind("id", id + "@v" + version)
                    .bind("after", json(Map.of("version", version, "effectiveFrom", effectiveFrom.toString())))
                    .execute();
            return new StoredPlan(id, version, effectiveFrom, parsed.withVersion(version, effectiveFrom));
        });
    }

    public List<StoredPlan> planVersions(String id) {
        List<PlanVersion> versions = jdbi.withExtension(CommissionDao.class, dao -> dao.planVersions(id));
        if (versions.isEmpty()) {
            throw ApiException.notFound("plan", id);
        }
        return versions.stream().map(version -> new StoredPlan(version.id(), version.version(), version.effectiveFrom(),
                parsed(version))).toList();
    }

    private Plan parsed(PlanVersion version) {
        return parsedPlans.computeIfAbsent(version.id() + "@" + version.version(),
                key -> PlanParser.parse(version.document()).withVersion(version.version(), version.effectiveFrom()));
    }

    // ---- assignments and quotas -------------------------------------------------------------

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
            CommissionDao dao = handle.attach(CommissionDao.class);
            if (dao.latestVersion(planId) == 0) {
                throw ApiException.notFound("plan", planId);
            }
            lock(handle, username);
            List<Assignment> existing = dao.assignments(username);
            LocalDate earliest = from;
            for (Assignment other : existing) {
                if (other.planId().equals(planId)) {
                    earliest = other.from().isBefore(earliest) ? other.from() : earliest;
                } else if (other.overlaps(from, to)) {
                    throw new ApiException(ErrorCode.CONFLICT, username + " is on plan " + other.planId() + " from "
                            + other.from() + (other.to() == null ? "" : " to " + other.to()),
                            List.of(new FieldError("from", "overlaps the assignment to plan " + other.planId())));
                }
            }
            dao.deleteAssignments(username, planId);
            dao.insertAssignment(username, planId, from, to);
            invalidate(handle, new TreeMap<>(Map.of(username, earliest)));
            audit(handle, actor, "PUT_ASSIGNMENT", "commission_assignment", username + ":" + planId,
                    Map.of("from", from.toString(), "to", String.valueOf(to)));
            return new Assignment(username, planId, from, to);
        });
    }

    public record Quota(String username, String period, BigDecimal amount) {
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
            lock(handle, username);
            handle.attach(CommissionDao.class).putQuota(username, period.toString(), amount);
            invalidate(handle, new TreeMap<>(Map.of(username, period.start())));
            audit(handle, actor, "PUT_QUOTA", "commission_quota", username + ":" + period, Map.of("amount", amount));
        });
        return new Quota(username, period.toString(), amount);
    }

    // ---- transactions ---------------------------------------------------------------------

    public record ImportResult(int imported, int replaced, List<String> ids) {
    }

    /**
     * Imports bookings all or nothing: the same id again replaces the stored
     * one; unknown users and currencies a user's plan cannot take are 422s.
     */
    public ImportResult importTransactions(List<TransactionRequest> requests, String pathPrefix, String source,
                                           String actor) {
        Validation validation = new Validation();
        List<Transaction> transactions = TransactionParser.validate(requests, pathPrefix, validation);
        Map<String, Boolean> known = new java.util.HashMap<>();
        for (int i = 0; i < transactions.size(); i++) {
            Transaction transaction = transactions.get(i);
            if (transaction.closeDate() == null) {
                continue;
            }
            for (int s = 0; s < transaction.splits().size(); s++) {
                String username = transaction.splits().get(s).username();
                boolean exists = known.computeIfAbsent(username, name -> users.find(name).isPresent());
                if (!exists) {
                    validation.add(pathPrefix + "[" + i + "].splits[" + s + "].username", "unknown user " + username);
                    continue;
                }
                int index = i;
                planOn(username, transaction.closeDate()).ifPresent(plan -> {
                    if (transaction.currency() != null
                            && !plan.currency().getCurrencyCode().equals(transaction.currency())) {
                        validation.add(pathPrefix + "[" + index + "].currency",
                                username + "'s plan " + plan.id() + " pays in " + plan.currency().getCurrencyCode()
                                        + ", not " + transaction.currency());
                    }
                });
            }
        }
        validation.throwIfInvalid();
        return jdbi.inTransaction(handle -> {
            CommissionDao dao = handle.attach(CommissionDao.class);
            List<String> ids = transactions.stream().map(Transaction::id).toList();
            List<Transaction> previous = CommissionDao.group(dao.transactionRowsById(ids));
            TreeMap<String, LocalDate> affected = new TreeMap<>();
            for (Transaction transaction : previous) {
                affect(affected, transaction);
            }
            for (Transaction transaction : transactions) {
                affect(affected, transaction);
            }
            lockAll(handle, affected.keySet());
            for (Transaction transaction : transactions) {
                store(dao, transaction, source);
            }
            invalidate(handle, affected);
            audit(handle, actor, "IMPORT_TRANSACTIONS", "commission_transactions", source,
                    Map.of("ids", ids, "replaced", previous.size()));
            return new ImportResult(transactions.size(), previous.size(), ids);
        });
    }

    /** Stores transactions produced here (a deal closed won), replacing the deal's earlier ones. */
    public void replaceDealTransactions(String dealId, List<Transaction> transactions, String actor) {
        Validation validation = new Validation();
        for (Transaction transaction : transactions) {
            for (Split split : transaction.splits()) {
                planOn(split.username(), transaction.closeDate()).ifPresent(plan -> {
                    if (!plan.currency().getCurrencyCode().equals(transaction.currency())) {
                        validation.add("currency", split.username() + "'s plan " + plan.id() + " pays in "
                                + plan.currency().getCurrencyCode() + ", not " + transaction.currency());
                    }
                });
            }
        }
        validation.throwIfInvalid();
        jdbi.useTransaction(handle -> {
            CommissionDao dao = handle.attach(CommissionDao.class);
            List<Transaction> previous = CommissionDao.group(dao.transactionRowsOfDeal(dealId));
            TreeMap<String, LocalDate> affected = new TreeMap<>();
            previous.forEach(transaction -> affect(affected, transaction));
            transactions.forEach(transaction -> affect(affected, transaction));
            lockAll(handle, affected.keySet());
            for (Transaction transaction : previous) {
                dao.deleteTransaction(transaction.id());
            }
            for (Transaction transaction : transactions) {
                store(dao, transaction, "DEAL");
            }
            invalidate(handle, affected);
            audit(handle, actor, "DEAL_TRANSACTIONS", "commission_transactions", dealId,
                    Map.of("ids", transactions.stream().map(Transaction::id).toList()));
        });
    }

    /** Marks the deal's transactions cancelled; clawbacks follow from the plan's window. */
    public int cancelDeal(String dealId, LocalDate cancelledOn, String actor) {
        return jdbi.inTransaction(handle -> {
            CommissionDao dao = handle.attach(CommissionDao.class);
            List<Transaction> transactions = CommissionDao.group(dao.transactionRowsOfDeal(dealId));
            TreeMap<String, LocalDate> affected = new TreeMap<>();
            transactions.forEach(transaction -> affect(affected, transaction));
            lockAll(handle, affected.keySet());
            int cancelled = dao.cancelDeal(dealId, cancelledOn, clock.instant());
            invalidate(handle, affected);
            audit(handle, actor, "CANCEL_DEAL", "commission_transactions", dealId,
                    Map.of("cancelledOn", cancelledOn.toString(), "transactions", cancelled));
            return cancelled;
        });
    }

    private void store(CommissionDao dao, Transaction transaction, String source) {
        dao.deleteTransaction(transaction.id());
        dao.insertTransaction(transaction.id(), transaction.dealId(), transaction.closeDate(), transaction.product().sku(),
                transaction.product().family(), transaction.product().units(), transaction.amount(),
                transaction.currency(), transaction.product().industry(), transaction.product().dealType(),
                transaction.values().acv(), transaction.values().tcv(), transaction.cancelledOn(), source, clock.instant());
        dao.insertSplits(transaction.splits().stream().map(split -> transaction.id()).toList(),
                transaction.splits().stream().map(Split::username).toList(),
                transaction.splits().stream().map(Split::percent).toList());
    }

    private static void affect(Map<String, LocalDate> affected, Transaction transaction) {
        for (Split split : transaction.splits()) {
            affected.merge(split.username(), transaction.closeDate(), (a, b) -> a.isBefore(b) ? a : b);
        }
    }

    // ---- statements ------------------------------------------------------------------------

    /** The statement, from storage when its inputs have not changed since it was computed. */
    public Statement statement(String username, Period period) {
        users.require(username);
        return jdbi.inTransaction(handle -> overlay.apply(handle, statement(handle, username, period)));
    }

    Statement statement(Handle handle, String username, Period period) {
        CommissionDao dao = handle.attach(CommissionDao.class);
        Optional<CommissionDao.StoredStatement> stored = dao.statement(username, period.toString());
        if (stored.isPresent()) {
            return read(stored.get().body()).withStatus(stored.get().status());
        }
        lock(handle, username);
        stored = dao.statement(username, period.toString());
        if (stored.isPresent()) {
            return read(stored.get().body()).withStatus(stored.get().status());
        }
        Statement statement = engine.compute(input(handle, username, period));
        dao.storeOpenStatement(username, period.toString(), period.start(), period.end(), json(statement),
                statement.totals().drawBalance(), clock.instant());
        return statement;
    }

    /** Everything the engine needs for a user and period, read in the caller's transaction. */
    public StatementInput input(Handle handle, String username, Period period) {
        CommissionDao dao = handle.attach(CommissionDao.class);
        Plan plan = planFor(dao, username, period)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, username + " has no plan in " + period,
                        List.of(new FieldError("period", "no plan assigned to " + username + " in " + period))));
        if (plan.period() != period.type()) {
            throw ApiException.invalid("period", "plan " + plan.id() + " pays by " + plan.period() + "; ask for "
                    + Period.containing(plan.period(), period.start()));
        }
        BigDecimal quota = dao.quota(username, period.toString()).orElse(null);
        List<Transaction> transactions = CommissionDao.group(dao.transactionRowsOf(username, period.start(), period.end()));
        List<CarriedClawback> carried = new ArrayList<>();
        Integer window = plan.limits().clawbackWindowDays();
        if (window != null) {
            for (Transaction cancelled : CommissionDao.group(dao.cancelledEarlier(username, period.start(), period.end()))) {
                if (cancelled.cancelledOn().isAfter(cancelled.closeDate().plusDays(window))) {
                    continue;
                }
                Period paidIn = Period.containing(plan.period(), cancelled.closeDate());
                Optional<CommissionDao.StoredStatement> closed = dao.statement(username, paidIn.toString())
                        .filter(row -> !row.status().equals("OPEN"));
                if (closed.isEmpty()) {
                    continue; // reversed in its own statement, which is still open
                }
                // net of what the closed statement paid on it: zero if it was already reversed there
                BigDecimal paid = BigDecimal.ZERO;
                for (Statement.Line line : read(closed.get().body()).lines()) {
                    if (cancelled.id().equals(line.transactionId())) {
                        paid = paid.add(line.amount());
                    }
                }
                if (paid.signum() != 0) {
                    carried.add(new CarriedClawback(cancelled.id(), cancelled.dealId(), paidIn.toString(),
                            cancelled.cancelledOn(), paid));
                }
            }
        }
        BigDecimal drawBalance = BigDecimal.ZERO;
        if (plan.limits().draw() != null) {
            Period previous = period.previous();
            if (planFor(dao, username, previous).filter(p -> p.period() == previous.type()).isPresent()) {
                drawBalance = statement(handle, username, previous).totals().drawBalance();
            }
        }
        return new StatementInput(plan, username, period, quota, transactions, carried, drawBalance);
    }

    /** The plan version a user is paid by in a period: their assignment, the newest version effective by its end. */
    private Optional<Plan> planFor(CommissionDao dao, String username, Period period) {
        Assignment assignment = null;
        for (Assignment candidate : dao.assignments(username)) {
            if (candidate.overlaps(period.start(), period.end())) {
                assignment = candidate;
            }
        }
        if (assignment == null) {
            return Optional.empty();
        }
        return dao.planEffective(assignment.planId(), period.end()).map(this::parsed);
    }

    /** The plan a user would be paid by for a deal closing on a date, if any. */
    public Optional<Plan> planOn(String username, LocalDate date) {
        return jdbi.withExtension(CommissionDao.class, dao -> {
            for (Assignment assignment : dao.assignments(username)) {
                if (assignment.overlaps(date, date)) {
                    Optional<PlanVersion> version = dao.planLatest(assignment.planId());
                    if (version.isEmpty()) {
                        return Optional.<Plan>empty();
                    }
                    Plan latest = parsed(version.get());
                    Period period = Period.containing(latest.period(), date);
                    return dao.planEffective(assignment.planId(), period.end()).map(this::parsed);
                }
            }
            return Optional.<Plan>empty();
        });
    }

    /** Closes a period: computes every assigned user's statement, then locks them. */
    public int closePeriod(Period period, String actor) {
        return jdbi.inTransaction(handle -> {
            List<String> assigned = handle.createQuery("select distinct username from commission_assignments"
                            + " where valid_from <= :end and (valid_to is null or valid_to >= :start) order by username")
                    .bind("start", period.start()).bind("end", period.end()).mapTo(String.class).list();
            for (String username : assigned) {
                lock(handle, username);
                bumpVersion(handle, username);
                try {
                    statement(handle, username, period);
                } catch (ApiException e) {
                    // a user paid by another period type has no statement for this one
                }
            }
            int closed = handle.attach(CommissionDao.class).closeStatements(period.toString());
            audit(handle, actor, "CLOSE_PERIOD", "commission_period", period.toString(), Map.of("statements", closed));
            return closed;
        });
    }

    // ---- recompute jobs -------------------------------------------------------------------------

    /** Claims one queued user-period (skipping those another instance holds) and recomputes it. */
    public boolean runOneJob() {
        return jdbi.inTransaction(handle -> {
            CommissionDao dao = handle.attach(CommissionDao.class);
            Optional<CommissionDao.Job> job = dao.claimJob();
            if (job.isEmpty()) {
                return false;
            }
            try {
                statement(handle, job.get().username(), Period.parse(job.get().period()));
            } catch (ApiException e) {
                // nothing to compute (no plan any more); the job is done either way
            }
            dao.deleteJob(job.get().username(), job.get().period());
            return true;
        });
    }

    /**
     * A number that changes whenever any commission input of the user changes. This instance's
     * own writes are seen at once; another instance's within {@link #VERSION_RECHECK_NANOS}, so
     * the quote preview (which estimates twice per request) does not ask the database each time.
     */
    public long inputVersion(String username) {
        long now = System.nanoTime();
        CachedVersion cached = versions.get(username);
        if (cached != null && now - cached.checkedAt() < VERSION_RECHECK_NANOS) {
            return cached.version();
        }
        long version = jdbi.withExtension(CommissionDao.class, dao -> dao.version(username));
        versions.put(username, new CachedVersion(version, now));
        return version;
    }

    private record CachedVersion(long version, long checkedAt) {
    }

    /** Bumps the user's input version; the cached one is dropped now and again once the change commits. */
    private void bumpVersion(Handle handle, String username) {
        handle.attach(CommissionDao.class).bumpVersion(username);
        versions.remove(username);
        handle.afterCommit(() -> versions.remove(username));
    }

    public long pendingJobs() {
        return jdbi.withExtension(CommissionDao.class, CommissionDao::jobCount);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Forgets open statements from each user's date on and queues the period containing it. */
    private void invalidate(Handle handle, TreeMap<String, LocalDate> fromByUser) {
        CommissionDao dao = handle.attach(CommissionDao.class);
        for (Map.Entry<String, LocalDate> entry : fromByUser.entrySet()) {
            dao.invalidate(entry.getKey(), entry.getValue());
            bumpVersion(handle, entry.getKey());
            for (Assignment assignment : dao.assignments(entry.getKey())) {
                if (assignment.overlaps(entry.getValue(), entry.getValue())) {
                    dao.planLatest(assignment.planId()).map(this::parsed).ifPresent(plan ->
                            dao.enqueue(entry.getKey(), Period.containing(plan.period(), entry.getValue()).toString(),
                                    clock.instant()));
                }
            }
        }
    }

    private static Map<String, LocalDate> toMap(List<String> usernames, LocalDate from) {
        Map<String, LocalDate> map = new TreeMap<>();
        usernames.forEach(username -> map.put(username, from));
        return map;
    }

    private static void lock(Handle handle, String username) {
        handle.execute("select pg_advisory_xact_lock(hashtext(?))", "commission:" + username);
    }

    /** Locks users in name order, so two writers never wait on each other in a circle. */
    private static void lockAll(Handle handle, Set<String> usernames) {
        for (String username : new TreeSet<>(usernames)) {
            lock(handle, username);
        }
    }

    private static void audit(Handle handle, String actor, String action, String entity, String entityId, Object after) {
        handle.createUpdate("insert into audit_log (actor, action, entity, entity_id, after)"
                        + " values (:actor, :action, :entity, :entityId, cast(:after as jsonb))")
                .bind("actor", actor).bind("action", action).bind("entity", entity).bind("entityId", entityId)
                .bind("after", json(after)).execute();
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Statement read(String body) {
        try {
            return JSON.readValue(body, Statement.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored statement unreadable", e);
        }
    }
}
