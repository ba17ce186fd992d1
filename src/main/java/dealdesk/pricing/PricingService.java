package dealdesk.pricing;

import dealdesk.common.Audit;
import com.fasterxml.jackson.databind.util.RawValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
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
    private final PricingEngine engine;
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final AtomicReference<PricingData> data = new AtomicReference<>();
    /** The newest stored version, asked of the database at most once a second. */
    private final LoadingCache<Boolean, Long> newestVersion;
    private volatile long version = -1;

    public PricingService(Jdbi jdbi, ObjectMapper mapper, Clock clock, PricingEngine engine) {
        this.jdbi = jdbi;
        this.mapper = mapper;
        this.clock = clock;
        this.engine = engine;
        this.newestVersion = Caffeine.newBuilder().expireAfterWrite(RECHECK)
                .build(key -> jdbi.withExtension(PricingDataDao.class, PricingDataDao::newestVersion));
        reload();
    }

    public PricingEngine engine() {
        return engine;
    }

    /** The data in force; another instance's change (or a demo seed) is noticed within a second. */
    public PricingData data() {
        if (newestVersion.get(Boolean.TRUE) != version) {
            reload();
        }
        return data.get();
    }

    /** Re-reads the newest version. */
    public final synchronized void reload() {
        version = jdbi.withExtension(PricingDataDao.class, PricingDataDao::newestVersion);
        data.set(jdbi.withExtension(PricingDataDao.class, PricingDataDao::latest).map(this::read)
                .orElse(PricingData.empty()));
        newestVersion.put(Boolean.TRUE, version);
    }

    /** Validates and stores a whole new pricing data document; it is in force when this returns. */
    public PricingData replace(PricingData document, String actor, Predicate<String> knownSku) {
        PricingDataValidator.validate(document, knownSku);
        String json = write(document);
        long stored = jdbi.inTransaction(handle -> {
            PricingDataDao dao = handle.attach(PricingDataDao.class);
            String before = dao.latest().orElse(null);
            long newVersion = dao.insert(json, actor, clock.instant());
            Audit.record(handle, actor, "REPLACE", "pricing_data", Long.toString(newVersion),
                    before == null ? null : new RawValue(before), new RawValue(json));
            return newVersion;
        });
        synchronized (this) {
            data.set(document);
            version = stored;
            newestVersion.put(Boolean.TRUE, stored);
        }
        return document;
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
