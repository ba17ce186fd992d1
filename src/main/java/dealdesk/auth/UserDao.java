package dealdesk.auth;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

@RegisterConstructorMapper(User.class)
public interface UserDao {

    String COLUMNS = "id, username, name, role, manager";

    @SqlQuery("select " + COLUMNS + " from users where username = :username and active")
    Optional<User> find(@Bind("username") String username);

    @SqlQuery("select username from users where username = any(:usernames)")
    List<String> existing(@Bind("usernames") String[] usernames);

    @SqlQuery("select password_hash from users where username = :username and active")
    Optional<String> passwordHash(@Bind("username") String username);

    @SqlQuery("select " + COLUMNS + " from users where active order by username")
    List<User> list();

    @SqlQuery("select " + COLUMNS + " from users where manager = :manager and active order by username")
    List<User> team(@Bind("manager") String manager);

    @SqlQuery("select count(*) from users")
    long count();

    @SqlUpdate("insert into users (username, name, role, manager, password_hash)"
            + " values (:username, :name, :role, :manager, :passwordHash)")
    @GetGeneratedKeys("id")
    long insert(@Bind("username") String username, @Bind("name") String name, @Bind("role") Role role,
                @Bind("manager") String manager, @Bind("passwordHash") String passwordHash);

    @SqlUpdate("insert into auth_tokens (token_hash, user_id, created_at, expires_at)"
            + " values (:hash, :userId, :createdAt, :expiresAt)")
    void insertToken(@Bind("hash") byte[] hash, @Bind("userId") long userId,
                     @Bind("createdAt") Instant createdAt, @Bind("expiresAt") Instant expiresAt);

    @SqlQuery("select u.id, u.username, u.name, u.role, u.manager from auth_tokens t join users u on u.id = t.user_id"
            + " where t.token_hash = :hash and t.expires_at > :now and u.active")
    Optional<User> findByToken(@Bind("hash") byte[] hash, @Bind("now") Instant now);

    @SqlUpdate("delete from auth_tokens where token_hash = :hash")
    int deleteToken(@Bind("hash") byte[] hash);

    @SqlUpdate("delete from auth_tokens where expires_at < :now")
    int deleteExpiredTokens(@Bind("now") Instant now);
}
