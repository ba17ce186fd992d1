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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final RulesInForce inForce;
    private final List<ActivationListener> listeners = new CopyOnWriteArrayList<>();

    public RuleSetService(Jdbi jdbi, Clock clock, Path rulesDirectory) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.inForce = new RulesInForce(jdbi, clock);
        for (RuleBase base : RuleBase.values()) {
            storeFirstVersion(base, rulesDirectory.resolve(base.folder()));
        }
        inForce.reload();
    }

    public void addActivationListener(ActivationListener listener) {
        listeners.add(listener);
    }

    /** Which version is in force when, and its compiled rules. */
    public RulesInForce inForce() {
        return inForce;
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
        inForce.remember(id, kieBase);
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
        ActivationRow activation = inForce.inForce(base, LocalDate.now(clock));
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
        inForce.compiled(id);
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
        inForce.reload();
        ActivationRow activation = inForce.timeline(base).stream().filter(a -> a.id() == stored.activationId()).findFirst()
                .orElseThrow();
        return new ActivationView(id, base.label(), inForce.status(base, id), activation.activeFrom(),
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

    private RuleSetView view(RuleSetRow row) {
        RuleBase base = RuleBase.parse(row.base(), "base");
        return new RuleSetView(row.id(), row.base(), inForce.status(base, row.id()), row.note(), row.createdBy(),
                row.createdAt(), inForce.activeFrom(base, row.id()), inForce.ruleCount(row.id()));
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
            inForce.remember(id, kieBase);
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
