package dealdesk.commission;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
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
    public void bump(Handle handle, String username) {
        handle.attach(InputVersionDao.class).bump(username);
        versions.invalidate(username);
        handle.afterCommit(() -> versions.invalidate(username));
    }
}
