package dealdesk.commission;

import com.fasterxml.jackson.databind.util.RawValue;
import dealdesk.common.Audit;
import org.jdbi.v3.core.Handle;

/** Commission's entries in the append-only audit log, written through the one audit writer. */
public final class CommissionAudit {

    private CommissionAudit() {
    }

    /** Records who did what to which entity, and the entity before and after (null before a creation). */
    public static void record(Handle handle, String actor, String action, String entity, String entityId,
                              Object before, Object after) {
        Audit.record(handle, actor, action, entity, entityId, json(before), json(after));
    }

    private static RawValue json(Object value) {
        return value == null ? null : new RawValue(CommissionJson.write(value));
    }
}
