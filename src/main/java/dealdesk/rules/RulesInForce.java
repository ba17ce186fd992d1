package dealdesk.rules;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dealdesk.common.ApiException;
import dealdesk.rules.RuleSetDao.ActivationRow;
import dealdesk.rules.RuleSetDao.RuleSetRow;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;
import org.kie.api.KieBase;

/**
 * Which rule set is in force on a date, and its compiled rules. Every instance notices an activation
 * made anywhere within a second: the newest activation id is re-read at most once a second, and the
 * timelines are reloaded when it changed.
 */
public final class RulesInForce {
    private static final Duration RECHECK = Duration.ofSeconds(1);
    private static final int MAX_COMPILED = 64;

    private record Timelines(long newestActivation, Map<RuleBase, List<ActivationRow>> byBase) {
    }

    private final Jdbi jdbi;
    private final Clock clock;
    private final Cache<Long, KieBase> compiled = Caffeine.newBuilder().maximumSize(MAX_COMPILED).build();
    private final LoadingCache<Boolean, Long> newestActivation;
    private volatile Timelines timelines;

    RulesInForce(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.newestActivation = Caffeine.newBuilder().expireAfterWrite(RECHECK)
                .build(key -> jdbi.withExtension(RuleSetDao.class, RuleSetDao::newestActivation));
    }

    /** The compiled rules in force on a date (for commission: a period's first day). */
    public KieBase kieBase(RuleBase base, LocalDate on) {
        return compiled(inForce(base, on).ruleSetId());
    }

    /** The id of the version in force on a date. */
    public long versionOn(RuleBase base, LocalDate on) {
        return inForce(base, on).ruleSetId();
    }

    /** A stored version's rules, compiled once per instance. */
    public KieBase compiled(long ruleSetId) {
        return compiled.get(ruleSetId, id -> {
            RuleSetRow row = jdbi.withExtension(RuleSetDao.class, dao -> dao.find(id))
                    .orElseThrow(() -> ApiException.notFound("rule set", id));
            return RuleCompiler.compile(RuleBase.parse(row.base(), "base"), row.drl());
        });
    }

    /** The number of rules of a version if this instance compiled it, else -1 (listing compiles nothing). */
    int ruleCount(long ruleSetId) {
        KieBase kieBase = compiled.getIfPresent(ruleSetId);
        return kieBase == null ? -1 : kieBase.getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum();
    }

    void remember(long ruleSetId, KieBase kieBase) {
        compiled.put(ruleSetId, kieBase);
    }

    ActivationRow inForce(RuleBase base, LocalDate on) {
        List<ActivationRow> timeline = timeline(base);
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (!timeline.get(i).activeFrom().isAfter(on)) {
                return timeline.get(i);
            }
        }
        throw new IllegalStateException("no " + base.label() + " rules in force on " + on);
    }

    /** A base's activations, oldest first. */
    List<ActivationRow> timeline(RuleBase base) {
        Timelines current = timelines;
        if (current == null || current.newestActivation() != newestActivation.get(Boolean.TRUE)) {
            current = reload();
        }
        return current.byBase().get(base);
    }

    /** Re-reads every base's activations and compiles what is in force today, before anyone asks for it. */
    synchronized Timelines reload() {
        Map<RuleBase, List<ActivationRow>> read = new EnumMap<>(RuleBase.class);
        long newest = jdbi.inTransaction(handle -> {
            RuleSetDao dao = handle.attach(RuleSetDao.class);
            for (RuleBase base : RuleBase.values()) {
                read.put(base, List.copyOf(dao.activations(base.label())));
            }
            return dao.newestActivation();
        });
        for (List<ActivationRow> timeline : read.values()) {
            if (!timeline.isEmpty()) {
                compiled(latestOnOrBefore(timeline, LocalDate.now(clock)).ruleSetId());
            }
        }
        newestActivation.put(Boolean.TRUE, newest);
        Timelines loaded = new Timelines(newest, Map.copyOf(read));
        timelines = loaded;
        return loaded;
    }

    /**
     * ACTIVE: in force today. SCHEDULED: in force from a later date. RETIRED: was activated, but
     * a later activation replaced every day it covered. DRAFT: never activated.
     */
    String status(RuleBase base, long id) {
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

    /** The first day of the version's activation that still applies somewhere, or null. */
    LocalDate activeFrom(RuleBase base, long id) {
        List<ActivationRow> timeline = timeline(base);
        LocalDate activeFrom = null;
        for (ActivationRow activation : timeline) {
            if (activation.ruleSetId() == id && appliesSomewhere(timeline, activation)) {
                activeFrom = activation.activeFrom();
            }
        }
        return activeFrom;
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

    private static ActivationRow latestOnOrBefore(List<ActivationRow> timeline, LocalDate on) {
        for (int i = timeline.size() - 1; i >= 0; i--) {
            if (!timeline.get(i).activeFrom().isAfter(on)) {
                return timeline.get(i);
            }
        }
        return timeline.get(timeline.size() - 1);
    }
}
