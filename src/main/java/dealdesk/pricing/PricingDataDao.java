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

    /** A stored version: who stored it when, and the document. */
    record VersionRow(long version, String changedBy, Instant changedAt, String document) {
    }

    /** The newest versions first. */
    @SqlQuery("select version, changed_by, changed_at, document::text as document from pricing_data_versions"
            + " order by version desc limit :limit")
    @org.jdbi.v3.sqlobject.config.RegisterConstructorMapper(VersionRow.class)
    java.util.List<VersionRow> versions(@Bind("limit") int limit);

    @SqlQuery("select coalesce(max(version), 0) from pricing_data_versions")
    long newestVersion();

    @SqlUpdate("insert into pricing_data_versions (document, changed_by, changed_at) "
            + "values (cast(:document as jsonb), :changedBy, :changedAt)")
    @GetGeneratedKeys("version")
    long insert(@Bind("document") String document, @Bind("changedBy") String changedBy,
                @Bind("changedAt") Instant changedAt);
}
