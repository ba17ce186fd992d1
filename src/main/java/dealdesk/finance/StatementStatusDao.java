package dealdesk.finance;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.MapMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The status of stored statements (OPEN, CLOSED, PAID) and who closed and paid each period. */
public interface StatementStatusDao {

    @SqlQuery("select status from commission_statements where username = :username and period = :period")
    Optional<String> status(@Bind("username") String username, @Bind("period") String period);

    @SqlQuery("select count(*) from commission_statements where period = :period and status = :status")
    int count(@Bind("period") String period, @Bind("status") String status);

    @SqlUpdate("update commission_statements set status = 'PAID' where period = :period and status = 'CLOSED'")
    int pay(@Bind("period") String period);

    /** Each period with statements, its statuses counted, and who closed and paid it. */
    @SqlQuery("select s.period, min(s.period_start) as start, min(s.period_end) as \"end\","
            + " count(*) filter (where s.status = 'OPEN') as open,"
            + " count(*) filter (where s.status = 'CLOSED') as closed,"
            + " count(*) filter (where s.status = 'PAID') as paid,"
            + " p.closed_by, p.closed_at, p.paid_by, p.paid_at"
            + " from commission_statements s left join finance_periods p on p.period = s.period"
            + " group by s.period, p.closed_by, p.closed_at, p.paid_by, p.paid_at order by min(s.period_start), s.period")
    @RegisterRowMapper(MapMapper.class)
    List<Map<String, Object>> periods();

    @SqlQuery("select closed_at is not null from finance_periods where period = :period")
    Optional<Boolean> closed(@Bind("period") String period);

    @SqlUpdate("insert into finance_periods (period, closed_by, closed_at) values (:period, :by, :at)"
            + " on conflict (period) do update set closed_by = excluded.closed_by, closed_at = excluded.closed_at")
    void recordClose(@Bind("period") String period, @Bind("by") String by, @Bind("at") Instant at);

    @SqlUpdate("update finance_periods set paid_by = :by, paid_at = :at where period = :period")
    void recordPay(@Bind("period") String period, @Bind("by") String by, @Bind("at") Instant at);
}
