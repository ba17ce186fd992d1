package dealdesk.common;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;

/** The one writer and reader of {@code audit_log}; writes go through {@link Audit#record}. */
public interface AuditDao {

    /** One entry as stored: before and after are JSON text (null when there was nothing). */
    record Entry(long id, Instant at, String actor, String action, String entity, String entityId,
                 String before, String after) {
    }

    @SqlUpdate("""
            insert into audit_log (at, actor, action, entity, entity_id, before, after)
            values (:at, :actor, :action, :entity, :entityId, cast(:before as jsonb), cast(:after as jsonb))""")
    void insert(@BindMethods Entry entry);

    @SqlQuery("""
            select id, at, actor, action, entity, entity_id, before::text as before, after::text as after
            from audit_log
            where (cast(:entity as text) is null or entity = :entity)
              and (cast(:entityId as text) is null or entity_id = :entityId)
              and (cast(:actor as text) is null or actor = :actor)
            order by id desc limit :limit""")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(Entry.class)
    List<Entry> find(@Bind("entity") String entity, @Bind("entityId") String entityId, @Bind("actor") String actor,
                     @Bind("limit") int limit);
}
