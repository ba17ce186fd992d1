package dealdesk.commission;

import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Who is on which plan when (commission_assignments). */
@RegisterConstructorMapper(Assignment.class)
public interface AssignmentDao {

    @SqlQuery("select username, plan_id, valid_from as \"from\", valid_to as \"to\" from commission_assignments"
            + " where username = :username order by valid_from")
    List<Assignment> of(@Bind("username") String username);

    /** The assignments of all these users, by user then date. */
    @SqlQuery("select username, plan_id, valid_from as \"from\", valid_to as \"to\" from commission_assignments"
            + " where username = any(:usernames) order by username, valid_from")
    List<Assignment> ofAll(@Bind("usernames") String[] usernames);

    @SqlQuery("select distinct username from commission_assignments where plan_id = :planId order by username")
    List<String> usersOf(@Bind("planId") String planId);

    /** Users on any plan for some day of [start, end]. */
    @SqlQuery("select distinct username from commission_assignments"
            + " where valid_from <= :end and (valid_to is null or valid_to >= :start) order by username")
    List<String> usersDuring(@Bind("start") LocalDate start, @Bind("end") LocalDate end);

    @SqlUpdate("delete from commission_assignments where username = :username and plan_id = :planId")
    int delete(@Bind("username") String username, @Bind("planId") String planId);

    @SqlUpdate("insert into commission_assignments (username, plan_id, valid_from, valid_to)"
            + " values (:username, :planId, :from, :to)")
    void insert(@BindMethods Assignment assignment);
}
