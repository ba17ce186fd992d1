package dealdesk.commission;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Plan documents, one row per version (commission_plans). */
@RegisterConstructorMapper(PlanVersion.class)
public interface PlanDao {
    String COLUMNS = "select id, version, effective_from, document, created_by, created_at from commission_plans";

    @SqlQuery("select coalesce(max(version), 0) from commission_plans where id = :id")
    int latestVersion(@Bind("id") String id);

    @SqlUpdate("insert into commission_plans (id, version, effective_from, document, created_by, created_at)"
            + " values (:id, :version, :effectiveFrom, :document, :createdBy, :createdAt)")
    void insert(@BindMethods PlanVersion version);

    /** The newest version effective on a date: the one that pays a period ending then. */
    @SqlQuery(COLUMNS + " where id = :id and effective_from <= :on order by version desc limit 1")
    Optional<PlanVersion> effective(@Bind("id") String id, @Bind("on") LocalDate on);

    @SqlQuery(COLUMNS + " where id = :id order by version desc limit 1")
    Optional<PlanVersion> latest(@Bind("id") String id);

    @SqlQuery(COLUMNS + " where id = :id and version = :version")
    Optional<PlanVersion> version(@Bind("id") String id, @Bind("version") int version);

    @SqlQuery(COLUMNS + " where id = :id order by version")
    List<PlanVersion> versions(@Bind("id") String id);
}
