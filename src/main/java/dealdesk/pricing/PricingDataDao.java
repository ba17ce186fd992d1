package dealdesk.pricing;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Versions of the pricing data document (JSON text in, JSON text out). */
public interface PricingDataDao {

    @SqlQuery("select document::text from pricing_data_versions order by version desc limit 1")
    Optional<String> latest();

    @SqlQuery("select coalesce(max(version), 0) from pricing_data_versions")
    long newestVersion();

    @SqlUpdate("insert into pricing_data_versions (document, changed_by, changed_at) "
            + "values (cast(:document as jsonb), :changedBy, :changedAt)")
    @GetGeneratedKeys("version")
    long insert(@Bind("document") String document, @Bind("changedBy") String changedBy,
                @Bind("changedAt") Instant changedAt);

    @SqlUpdate("insert into audit_log (at, actor, action, entity, entity_id, before, after) "
            + "values (:at, :actor, 'REPLACE', 'pricing_data', :version, cast(:before as jsonb), cast(:after as jsonb))")
    void audit(@Bind("at") Instant at, @Bind("actor") String actor, @Bind("version") String version,
               @Bind("before") String before, @Bind("after") String after);
}
