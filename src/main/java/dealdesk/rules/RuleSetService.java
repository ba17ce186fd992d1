package dealdesk.rules;

import dealdesk.common.ApiException;
import dealdesk.common.Audit;
import dealdesk.common.ErrorCode;
import dealdesk.common.FieldError;
import dealdesk.common.Validation;
import dealdesk.common.Values;
import dealdesk.rules.RuleSetDao.ActivationRow;
import dealdesk.rules.RuleSetDao.RuleSetRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.kie.api.KieBase;

/**
 * Versions of the commission and pricing rule texts and which one is in force when. An
 * upload passes the sandbox and compiles or is refused; an activation makes a version the one
 * in force for dates on or after its {@code from}, and every instance notices within a second
 * (each polls the newest activation id), with no restart. The files under rules/ are each
 * base's version 1, stored and activated from the start of time at the first start.
 */
public class RuleSetService {
    /** Before any period the service knows (Period years start at 1900). */
    public static final LocalDate START_OF_TIME = LocalDate.of(1900, 1, 1);
    private static final long RECHECK_NANOS = 1_000_000_000L;
    private static final String SYSTEM = "system";

    /** Told in the activation's transaction, so the commission feature can forget what the rules computed. */
    public interface ActivationListener {
        void activated(Handle handle, RuleBase base, LocalDate from);
    }

    public record RuleSetView(long id, String base, String status, String note, String createdBy, Instant createdAt,
                              LocalDate activeFrom, int rules) {
    }

    public record ActiveRuleSet(long id, String base, String drl, LocalDate activeFrom, String note) {
    }

    public record ActivationView(long id, String base, String status, LocalDate activeFrom, String activatedBy,
                                 Instant activatedAt, Long previousId) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Map<Long, KieBase> compiled = new ConcurrentHashMap<>();
    private final Map<RuleBase, List<ActivationRow>> timelines = new EnumMap<>(RuleBase.class);
    private final List<ActivationListener> listeners = new CopyOnWriteArrayList<>();
    private volatile long newestActivation = -1;
    private volatile long checkedAt;

    public RuleSetService(Jdbi jdbi, Clock clock, Path rulesDirectory) {
        this.jdbi = jdbi;
        this.clock = clock;
        for (RuleBase base : RuleBase.values()) {
            storeFirstVersion(base, rulesDirectory.resolve(base.folder()));
        }
        reload();
    }

    public void addActivationListener(ActivationListener listener) {
        listeners.add(listener);
    }

    // ---- the rules in force ---------------------------------------------------------------------

    /** The compiled rules in force on a date (for commission: a period's first day). */
    public KieBase kieBase(RuleBase base, LocalDate on) {
        return compiled(inForce(base, on).ruleSetId());
    }

    /** The id of the version in force on a date. */
    public long versionOn(RuleBase base, LocalDate on) {
        return inForce(base, on).ruleSetId();
    }

    public KieBase compiled(long ruleSetId) {
        KieBase kieBase = compiled.get(ruleSetId);
        if (kieBase != null) {
            return kieBase;
        }
        RuleSetRow row = jdbi.withExtension(RuleSetDao.class, dao -> dao.find(ruleSetId))
                .orElseThrow(() -> ApiException.notFound("rule set", ruleSetId));
        return compiled.computeIfAbsent(ruleSetId, id -> RuleCompiler.compile(RuleBase.parse(row.base(), "base"),
                row.drl()));
    }

    private ActivationRow inForce(RuleBase base, LocalDate on) {
        List<ActivationRow> timeline = timeline(base);
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (!timeline.get(i).activeFrom().isAfter(on)) {
                return timeline.get(i);
            }
        }
        throw new IllegalStateException("no " + base.label() + " rules in force on " + on);
    }

    private List<ActivationRow> timeline(RuleBase base) {
        long now = System.nanoTime();
        if (now - checkedAt > RECHECK_NANOS) {
            checkedAt = now;
            long newest = jdbi.withExtension(RuleSetDao.class, RuleSetDao::newestActivation);
            if (newest != newestActivation) {
                reload();
            }
        }
        synchronized (timelines) {
            return timelines.get(base);
        }
    }

    /** Re-reads every base's activations and compiles what is in force today, before anyone asks for it. */
    public final void reload() {
        Map<RuleBase, List<ActivationRow>> read = new EnumMap<>(RuleBase.class);
        long newest = jdbi.inTransaction(handle -> {
            RuleSetDao dao = handle.attach(RuleSetDao.class);
            for (RuleBase base : RuleBase.values()) {
                read.put(base, List.copyOf(dao.activations(base.label())));
            }
            return dao.newestActivation();
        });
        for (Map.Entry<RuleBase, List<ActivationRow>> entry : read.entrySet()) {
            List<ActivationRow> timeline = entry.getValue();
            if (!timeline.isEmpty()) {
                compiled(latestOnOrBefore(timeline, LocalDate.now(clock)).ruleSetId());
            }
        }
        synchronized (timelines) {
            timelines.putAll(read);
        }
        newestActivation = newest;
        checkedAt = System.nanoTime();
    }

    private static ActivationRow latestOnOrBefore(List<ActivationRow> timeline, LocalDate on) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (!timeline.get(i).activeFrom().isAfter(on)) {
                return timeline.get(i);
            }
        }
        return timeline.get(timeline.size() - 1);
    }

    // ---- versions -------------------------------------------------------------------------------

    /** Checks and compiles the text, then stores it as a DRAFT; a 422 names each refused line. */
    public RuleSetView create(String baseText, String drl, String note, String actor) {
        RuleBase base = RuleBase.parse(baseText, "base");
        if (note != null && note.length() > 2000) {
            throw ApiException.invalid("note", "note must be at most 2,000 characters");
        }
        KieBase kieBase = RuleCompiler.compile(base, drl);
        long id = jdbi.inTransaction(handle -> {
            long stored = handle.attach(RuleSetDao.class).insert(base.label(), drl, note, actor, clock.instant());
            Audit.record(handle, actor, "CREATE_RULE_SET", "rule_set", Long.toString(stored), null,
                    auditOf(base, stored, note, null));
            return stored;
        });
        compiled.put(id, kieBase);
        return view(find(id));
    }

    public List<RuleSetView> list(String baseText) {
        RuleBase base = RuleBase.parse(baseText, "base");
        return jdbi.withExtension(RuleSetDao.class, dao -> dao.ofBase(base.label())).stream()
                .map(this::view).toList();
    }

    public RuleSetRow find(long id) {
        return jdbi.withExtension(RuleSetDao.class, dao -> dao.find(id))
                .orElseThrow(() -> ApiException.notFound("rule set", id));
    }

    public RuleSetView view(long id) {
        return view(find(id));
    }

    /** The version in force today. */
    public ActiveRuleSet active(String baseText) {
        RuleBase base = RuleBase.parse(baseText, "base");
        ActivationRow activation = inForce(base, LocalDate.now(clock));
        RuleSetRow row = find(activation.ruleSetId());
        return new ActiveRuleSet(row.id(), row.base(), row.drl(), activation.activeFrom(), row.note());
    }

    /**
     * Puts the version in force for dates on or after {@code from}. A commission rule set may not
     * start inside (or before the end of) a closed period: that period's statements are final.
     */
    public ActivationView activate(long id, String fromText, String actor) {
        Validation validation = new Validation();
        LocalDate from = Values.date(fromText, "from", validation);
        validation.throwIfInvalid();
        if (from.isBefore(START_OF_TIME)) {
            throw ApiException.invalid("from", "from must be on or after " + START_OF_TIME);
        }
        RuleSetRow row = find(id);
        RuleBase base = RuleBase.parse(row.base(), "base");
        compiled(id);
        record Stored(long activationId, Long previousId) {
        }
        Stored stored = jdbi.inTransaction(handle -> {
            handle.execute("select pg_advisory_xact_lock(hashtext(?))", "rule-set:" + base.label());
            RuleSetDao dao = handle.attach(RuleSetDao.class);
            if (base == RuleBase.COMMISSION) {
                Optional<LocalDate> closedUntil = dao.lastClosedDay();
                if (closedUntil.isPresent() && !from.isAfter(closedUntil.get())) {
                    throw new ApiException(ErrorCode.INVALID_STATE, "periods up to " + closedUntil.get()
                            + " are closed; rules can change from " + closedUntil.get().plusDays(1) + " on",
                            List.of(new FieldError("from", "inside a closed period (closed up to "
                                    + closedUntil.get() + ")")));
                }
            }
            Long previous = latestOrNull(dao.activations(base.label()), from);
            long activationId = dao.activate(base.label(), id, from, actor, clock.instant());
            for (ActivationListener listener : listeners) {
                listener.activated(handle, base, from);
            }
            Audit.record(handle, actor, "ACTIVATE_RULE_SET", "rule_set", Long.toString(id),
                    previous == null ? null : Map.of("ruleSetId", previous), auditOf(base, id, row.note(), from));
            return new Stored(activationId, previous);
        });
        reload();
        ActivationRow activation = timeline(base).stream().filter(a -> a.id() == stored.activationId()).findFirst()
                .orElseThrow();
        return new ActivationView(id, base.label(), status(base, id), activation.activeFrom(),
                activation.activatedBy(), activation.activatedAt(), stored.previousId());
    }

    private static Long latestOrNull(List<ActivationRow> timeline, LocalDate on) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (!timeline.get(i).activeFrom().isAfter(on)) {
                return timeline.get(i).ruleSetId();
            }
        }
        return null;
    }

    private static Map<String, Object> auditOf(RuleBase base, long id, String note, LocalDate from) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("base", base.label());
        values.put("ruleSetId", id);
        if (note != null) {
            values.put("note", note);
        }
        if (from != null) {
            values.put("activeFrom", from.toString());
        }
        return values;
    }

    // ---- status ---------------------------------------------------------------------------------

    private RuleSetView view(RuleSetRow row) {
        RuleBase base = RuleBase.parse(row.base(), "base");
        LocalDate activeFrom = null;
        String status = status(base, row.id());
        for (ActivationRow activation : timeline(base)) {
            if (activation.ruleSetId() == row.id() && appliesSomewhere(timeline(base), activation)) {
                activeFrom = activation.activeFrom();
            }
        }
        KieBase kieBase = compiled.get(row.id());
        int rules = kieBase == null ? -1 : kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
        return new RuleSetView(row.id(), row.base(), status, row.note(), row.createdBy(), row.createdAt(), activeFrom,
                rules);
    }

    /**
     * ACTIVE: in force today. SCHEDULED: in force from a later date. RETIRED: was activated, but
     * a later activation replaced every day it covered. DRAFT: never activated.
     */
    private String status(RuleBase base, long id) {
        List<ActivationRow> timeline = timeline(base);
        LocalDate today = LocalDate.now(clock);
        if (inForce(base, today).ruleSetId() == id) {
            return "ACTIVE";
        }
        boolean activated = false;
        for (ActivationRow activation : timeline) {
            if (activation.ruleSetId() != id) {
                continue;
            }
            activated = true;
            if (activation.activeFrom().isAfter(today) && appliesSomewhere(timeline, activation)) {
                return "SCHEDULED";
            }
        }
        return activated ? "RETIRED" : "DRAFT";
    }

    /** Whether no later activation starts on or before this one's first day (which would replace all of it). */
    private static boolean appliesSomewhere(List<ActivationRow> timeline, ActivationRow activation) {
        for (ActivationRow later : timeline) {
            if (later.id() > activation.id() && !later.activeFrom().isAfter(activation.activeFrom())) {
                return false;
            }
        }
        return true;
    }

    // ---- version 1: the files under rules/ -----------------------------------------------------

    private void storeFirstVersion(RuleBase base, Path folder) {
        jdbi.useTransaction(handle -> {
            handle.execute("select pg_advisory_xact_lock(hashtext(?))", "rule-set:" + base.label());
            RuleSetDao dao = handle.attach(RuleSetDao.class);
            if (dao.count(base.label()) > 0) {
                return;
            }
            String drl = RuleFiles.merge(read(folder));
            KieBase kieBase = RuleCompiler.compile(base, drl);
            Instant now = clock.instant();
            long id = dao.insert(base.label(), drl, "the files under rules/" + base.folder(), SYSTEM, now);
            dao.activate(base.label(), id, START_OF_TIME, SYSTEM, now);
            Audit.record(handle, SYSTEM, "ACTIVATE_RULE_SET", "rule_set", Long.toString(id), null,
                    auditOf(base, id, "the files under rules/" + base.folder(), START_OF_TIME));
            compiled.put(id, kieBase);
        });
    }

    private static List<String> read(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<String> texts = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".drl")).sorted().toList()) {
                texts.add(Files.readString(file, StandardCharsets.UTF_8));
            }
            if (texts.isEmpty()) {
                throw new IllegalStateException("no rules (*.drl) in " + folder.toAbsolutePath());
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rules in " + folder.toAbsolutePath(), e);
        }
    }
}
