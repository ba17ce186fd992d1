package dealdesk.pipeline;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Which deals a pipeline reads, and funnel plans (planned deals per user, period and stage). */
@RegisterConstructorMapper(PipelineDao.PlannedStage.class)
public interface PipelineDao {

    record PlannedStage(String username, String stage, int planned) {
    }

    /**
     * Deals the users have a credit split of that are open and expected to close within
     * [from, to], or that closed within [historyFrom, to].
     */
    @SqlQuery("select distinct d.id from deals d join deal_splits s on s.deal_id = d.id "
            + "where s.username in (<users>) and ((d.closed_on is null and d.expected_close between :from and :to) "
            + "or d.closed_on between :historyFrom and :to) order by d.id")
    List<Long> pipelineDeals(@BindList("users") Collection<String> users, @Bind("from") LocalDate from,
                             @Bind("to") LocalDate to, @Bind("historyFrom") LocalDate historyFrom);

    /** Deals the users own whose stage changed within [from, to). */
    @SqlQuery("select distinct d.id from deals d join deal_stage_history h on h.deal_id = d.id "
            + "where d.owner in (<users>) and h.changed_at >= :from and h.changed_at < :to order by d.id")
    List<Long> movedDeals(@BindList("users") Collection<String> users, @Bind("from") Instant from,
                          @Bind("to") Instant to);

    @SqlQuery("select username, stage, planned from funnel_plans where username in (<users>) and period = :period "
            + "order by username, stage")
    List<PlannedStage> plans(@BindList("users") Collection<String> users, @Bind("period") String period);

    @SqlUpdate("delete from funnel_plans where username = :username and period = :period")
    void deletePlan(@Bind("username") String username, @Bind("period") String period);

    @SqlUpdate("insert into funnel_plans (username, period, stage, planned, updated_by, updated_at) "
            + "values (:username, :period, :stage, :planned, :by, :at)")
    void insertPlan(@Bind("username") String username, @Bind("period") String period, @Bind("stage") String stage,
                    @Bind("planned") int planned, @Bind("by") String by, @Bind("at") Instant at);
}
