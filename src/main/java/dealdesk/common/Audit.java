package dealdesk.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.jdbi.v3.core.Handle;

/**
 * Appends to the audit log inside the caller's transaction: who, what, which
 * entity, and the entity before and after as JSON. The table refuses updates
 * and deletes, so an entry, once committed, stays.
 */
public final class Audit {
    private static final ObjectMapper JSON = Json.configure(new ObjectMapper()).findAndRegisterModules();

    private Audit() {
    }

    public static void record(Handle handle, String actor, String action, String entity, String entityId,
                              Object before, Object after) {
        handle.createUpdate("insert into audit_log (actor, action, entity, entity_id, before, after)"
                        + " values (:actor, :action, :entity, :id, cast(:before as jsonb), cast(:after as jsonb))")
                .bind("actor", actor).bind("action", action).bind("entity", entity).bind("id", entityId)
                .bind("before", json(before)).bind("after", json(after))
                .execute();
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
}
