package dealdesk.commission;

import java.time.Instant;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** User-periods queued for recomputation (commission_jobs). */
public interface RecomputeJobDao {

    record Job(String username, String period) {
    }

    @SqlUpdate("insert into commission_jobs (username, period, enqueued_at) values (:username, :period, :now)"
            + " on conflict do nothing")
    void enqueue(@Bind("username") String username, @Bind("period") String period, @Bind("now") Instant now);

    /** The oldest job no other transaction holds; held until this transaction ends. */
    @SqlQuery("select username, period from commission_jobs order by enqueued_at limit 1 for update skip locked")
    @RegisterConstructorMapper(Job.class)
    Optional<Job> claim();

    @SqlUpdate("delete from commission_jobs where username = :username and period = :period")
    void delete(@Bind("username") String username, @Bind("period") String period);

    @SqlQuery("select count(*) from commission_jobs")
    long count();
}
