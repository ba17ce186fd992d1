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
}
