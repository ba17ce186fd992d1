package dealdesk.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.config.JdbiConfig;

import java.time.Clock;

/**
 * Appends to the audit log inside the caller's transaction: who, what, which
 * entity, and the entity before and after as JSON (null before a creation and
 * after a deletion). The time comes from the application's clock, installed
 * on the Jdbi once with {@link #useClock}. The table refuses updates and
 * deletes, so an entry, once committed, stays.
 */
public final class Audit {
    private static final ObjectMapper JSON = Json.configure(new ObjectMapper()).findAndRegisterModules();

    private Audit() {
    }

    /** Entries written through this Jdbi take their time from {@code clock}. */
    public static Jdbi useClock(Jdbi jdbi, Clock clock) {
        jdbi.getConfig(Settings.class).clock = clock;
        return jdbi;
    }

    public static void record(Handle handle, String actor, String action, String entity, String entityId,
                              Object before, Object after) {
        Clock clock = handle.getConfig(Settings.class).clock;
        handle.attach(AuditDao.class).insert(new AuditDao.Entry(0, clock.instant(), actor, action, entity, entityId,
                json(before), json(after)));
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    /** The audit log's clock, carried in the Jdbi configuration. */
    public static final class Settings implements JdbiConfig<Settings> {
        private Clock clock = Clock.systemUTC();

        public Settings() {
        }

        private Settings(Settings other) {
            this.clock = other.clock;
        }

        @Override
        public Settings createCopy() {
            return new Settings(this);
        }
    }
}
