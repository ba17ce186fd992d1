package dealdesk.commission;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A number per user that every change to their commission inputs bumps (commission_user_versions). */
public interface InputVersionDao {

    @SqlUpdate("insert into commission_user_versions (username, version) values (:username, 1)"
            + " on conflict (username) do update set version = commission_user_versions.version + 1")
    void bump(@Bind("username") String username);

    @SqlQuery("select coalesce((select version from commission_user_versions where username = :username), 0)")
    long current(@Bind("username") String username);
}
