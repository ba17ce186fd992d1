package dealdesk.pricing;

import dealdesk.common.Audit;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.FieldError;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * The pricing engine and the pricing data in force. The data is read once
 * and kept in memory; a change is validated, stored as a new version in one
 * transaction, then swapped in whole, so a running preview sees either the
 * old or the new data, never half of each.
 */
public class PricingService {
    private final Jdbi jdbi;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Supplier<PricingEngine> engines;
    private static final Duration RECHECK = Duration.ofSeconds(1);

    /** The data in force and the version it was stored as (0: nothing stored yet). */
    public record Versioned(long version, PricingData data) {
    }

    private final AtomicReference<Versioned> current = new AtomicReference<>();
    /** The newest stored version, asked of the database at most once a second. */
    private final LoadingCache<Boolean, Long> newestVersion;

    public PricingService(Jdbi jdbi, ObjectMapper mapper, Clock clock, PricingEngine engine) {
        this(jdbi, mapper, clock, () -> engine);
    }

    /** With the engine of the pricing rules in force at each call (rule sets change without a restart). */
    public PricingService(Jdbi jdbi, ObjectMapper mapper, Clock clock, Supplier<PricingEngine> engines) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.clock = clock;
        this.engines = engines;
        this.newestVersion = Caffeine.newBuilder().expireAfterWrite(RECHECK)
                .build(key -> jdbi.withExtension(PricingDataDao.class, PricingDataDao::newestVersion));
        reload();
    }

    public PricingEngine engine() {
        return engines.get();
    }

    /** The data in force; another instance's change (or a demo seed) is noticed within a second. */
    public PricingData data() {
        return versioned().data();
    }

    /** The data in force with its version, which a change must name. */
    public Versioned versioned() {
        if (newestVersion.get(Boolean.TRUE) != current.get().version()) {
            reload();
        }
        return current.get();
    }

    /** Re-reads the newest version. */
    public final synchronized void reload() {
        current.set(jdbi.withExtension(PricingDataDao.class, dao -> {
            long version = dao.newestVersion();
            return new Versioned(version, dao.latest().map(this::read).orElse(PricingData.empty()));
        }));
        newestVersion.put(Boolean.TRUE, current.get().version());
    }

    /** Validates and stores a whole new pricing data document; it is in force when this returns. */
    public PricingData replace(PricingData document, String actor, Predicate<String> knownSku) {
        return replace(document, null, actor, knownSku).data();
    }

    /**
     * As {@link #replace(PricingData, String, Predicate)}, only if the newest stored version is still
     * {@code expectedVersion} (the one the caller read): else 409, and the other admin's change stays.
     */
    public Versioned replace(PricingData document, Long expectedVersion, String actor, Predicate<String> knownSku) {
        PricingDataValidator.validate(document, knownSku);
        String json = write(document);
        long stored = jdbi.inTransaction(handle -> {
            handle.execute("select pg_advisory_xact_lock(hashtext('pricing-data'))");
            PricingDataDao dao = handle.attach(PricingDataDao.class);
            long newest = dao.newestVersion();
            if (expectedVersion != null && expectedVersion != newest) {
                throw new ApiException(ErrorCode.STALE_VERSION, "the pricing data changed since version "
                        + expectedVersion + " was read (now version " + newest + "): read it again and redo the change",
                        List.of(new FieldError("version", "stale: the newest version is " + newest)));
            }
            String before = dao.latest().orElse(null);
            long newVersion = dao.insert(json, actor, clock.instant());
            Audit.record(handle, actor, "REPLACE", "pricing_data", Long.toString(newVersion),
                    before == null ? null : new RawValue(before), new RawValue(json));
            return newVersion;
        });
        Versioned versioned = new Versioned(stored, document);
        synchronized (this) {
            current.set(versioned);
            newestVersion.put(Boolean.TRUE, stored);
        }
        return versioned;
    }

    /** Who changed the data when, newest first, each with what changed against the version before it. */
    public List<PricingDataChange> versions(int limit) {
        List<PricingDataDao.VersionRow> rows = jdbi.withExtension(PricingDataDao.class, dao -> dao.versions(limit + 1));
        return PricingDataChange.between(rows, limit, mapper);
    }

    private PricingData read(String json) {
        try {
            return mapper.readValue(json, PricingData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored pricing data is not readable", e);
        }
    }

    private String write(PricingData document) {
        try {
            return mapper.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
