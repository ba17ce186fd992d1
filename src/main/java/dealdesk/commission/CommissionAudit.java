package dealdesk.commission;

import org.jdbi.v3.core.Handle;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Commission's entries in the append-only audit log. */
public final class CommissionAudit {

    private CommissionAudit() {
    }

    public interface AuditDao {
        @SqlUpdate("insert into audit_log (actor, action, entity, entity_id, after)"
                + " values (:actor, :action, :entity, :entityId, cast(:after as jsonb))")
        void insert(@Bind("actor") String actor, @Bind("action") String action, @Bind("entity") String entity,
                    @Bind("entityId") String entityId, @Bind("after") String after);
    }

    /** Records who did what to which entity, in the caller's transaction. */
    public static void record(Handle handle, String actor, String action, String entity, String entityId,
                              Object after) {
        handle.attach(AuditDao.class).insert(actor, action, entity, entityId, CommissionJson.write(after));
    }
}
