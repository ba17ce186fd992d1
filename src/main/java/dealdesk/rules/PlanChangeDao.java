package dealdesk.rules;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Read-only questions about plans that the commission tables answer. */
public interface PlanChangeDao {

    /** A plan: its newest version, that version's effective date, and how many users are on it from today on. */
    record PlanSummary(String id, int version, LocalDate effectiveFrom, String createdBy, Instant createdAt,
                       long usersAssigned) {
    }

    @SqlQuery("select p.id, p.version, p.effective_from, p.created_by, p.created_at,"
            + " (select count(distinct a.username) from commission_assignments a where a.plan_id = p.id"
            + "   and (a.valid_to is null or a.valid_to >= :today)) as users_assigned"
            + " from commission_plans p"
            + " where p.version = (select max(q.version) from commission_plans q where q.id = p.id) order by p.id")
    @RegisterConstructorMapper(PlanSummary.class)
    List<PlanSummary> plans(@Bind("today") LocalDate today);

    /** A stored statement's earnings, read in the database: no need to parse its lines and traces. */
    @SqlQuery("select cast(cast(body as jsonb) #>> '{totals,earned}' as numeric) from commission_statements"
            + " where username = :username and period = :period")
    java.util.Optional<java.math.BigDecimal> storedEarned(@Bind("username") String username,
                                                          @Bind("period") String period);

    /** Users on the plan for some day of [start, end]. */
    @SqlQuery("select distinct username from commission_assignments where plan_id = :planId"
            + " and valid_from <= :end and (valid_to is null or valid_to >= :start) order by username")
    List<String> usersOf(@Bind("planId") String planId, @Bind("start") LocalDate start, @Bind("end") LocalDate end);
}
