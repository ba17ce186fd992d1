package dealdesk.commission;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A number per user that changes whenever any of their commission inputs changes
 * (bumped in the database, in the writing transaction). This instance's own writes
 * are seen at once; another instance's within {@link #RECHECK}, so the quote preview
 * (which estimates twice per request) does not ask the database each time.
 */
public class InputVersions {
    static final Duration RECHECK = Duration.ofSeconds(1);
    private static final int MAX_USERS = 100_000;

    private final Jdbi jdbi;
    private final Cache<String, Long> versions = Caffeine.newBuilder()
            .expireAfterWrite(RECHECK).maximumSize(MAX_USERS).build();

    public InputVersions(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    public long current(String username) {
        return versions.get(username, user -> jdbi.withExtension(InputVersionDao.class, dao -> dao.current(user)));
    }

    /** Bumps the user's version; the cached one is dropped now and again once the change commits. */
    /** As {@link #bump} for many users, in one statement. */
    public void bumpAll(Handle handle, java.util.Collection<String> usernames) {
        handle.createUpdate("insert into commission_user_versions (username, version) select name, 1"
                        + " from unnest(:names) as name on conflict (username)"
                        + " do update set version = commission_user_versions.version + 1")
                .bind("names", usernames.toArray(String[]::new)).execute();
        List<String> bumped = List.copyOf(usernames);
        bumped.forEach(versions::invalidate);
        handle.afterCommit(() -> bumped.forEach(versions::invalidate));
    }

    public void bump(Handle handle, String username) {
        handle.attach(InputVersionDao.class).bump(username);
        versions.invalidate(username);
        handle.afterCommit(() -> versions.invalidate(username));
    }
}
