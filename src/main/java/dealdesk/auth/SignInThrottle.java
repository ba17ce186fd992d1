package dealdesk.auth;

import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Growing waits after failed sign-ins, kept in the database so every instance
 * counts the same failures. An account may fail {@link #accountLimit} times in
 * a row, an address {@link #addressLimit} times (higher: many people share an
 * office's address); past that each failure doubles the wait, from one second
 * up to {@link #MAX_WAIT}, and attempts while waiting are answered 429 with
 * Retry-After without looking at the password. A success clears the account's
 * count; failures older than {@link #FORGET_AFTER} start the count again.
 */
public class SignInThrottle {
    static final Duration MAX_WAIT = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(1);

    private final Jdbi jdbi;
    private final Clock clock;
    private final int accountLimit;
    private final int addressLimit;

    public SignInThrottle(Jdbi jdbi, Clock clock, int accountLimit, int addressLimit) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.accountLimit = accountLimit;
        this.addressLimit = addressLimit;
    }

    public interface FailureDao {
        @SqlQuery("select max(blocked_until) from sign_in_failures where key in (:account, :address)")
        Optional<Instant> blockedUntil(@Bind("account") String account, @Bind("address") String address);

        @SqlUpdate("""
                insert into sign_in_failures (key, failures, last_failure_at) values (:key, 1, :now)
                on conflict (key) do update set
                  failures = case when sign_in_failures.last_failure_at < :forgetBefore then 1
                                  else sign_in_failures.failures + 1 end,
                  last_failure_at = :now""")
        void countFailure(@Bind("key") String key, @Bind("now") Instant now, @Bind("forgetBefore") Instant forgetBefore);

        @SqlQuery("select failures from sign_in_failures where key = :key")
        int failures(@Bind("key") String key);

        @SqlUpdate("update sign_in_failures set blocked_until = :until where key = :key")
        void block(@Bind("key") String key, @Bind("until") Instant until);

        @SqlUpdate("delete from sign_in_failures where key = :key")
        void clear(@Bind("key") String key);
    }

    /** Throws 429 with the seconds to wait while the account or the address is waiting. */
    public void checkAllowed(String username, String address) {
        Instant now = clock.instant();
        Optional<Instant> until = jdbi.withExtension(FailureDao.class,
                dao -> dao.blockedUntil(accountKey(username), addressKey(address)));
        if (until.isPresent() && until.get().isAfter(now)) {
            long seconds = Math.max(1, Duration.between(now, until.get()).toMillis() / 1000
                    + (Duration.between(now, until.get()).toMillis() % 1000 == 0 ? 0 : 1));
            throw new TooManyAttempts(seconds);
        }
    }

    public void failed(String username, String address) {
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            FailureDao dao = handle.attach(FailureDao.class);
            // an unknown address is not counted: one shared "unknown" would let anyone lock out everyone
            List<Key> keys = address == null ? List.of(new Key(accountKey(username), accountLimit))
                    : List.of(new Key(accountKey(username), accountLimit), new Key(addressKey(address), addressLimit));
            for (var key : keys) {
                dao.countFailure(key.name(), now, now.minus(FORGET_AFTER));
                int over = dao.failures(key.name()) - key.limit();
                if (over >= 0) {
                    dao.block(key.name(), now.plus(wait(over)));
                }
            }
        });
    }

    public void succeeded(String username) {
        jdbi.useExtension(FailureDao.class, dao -> dao.clear(accountKey(username)));
    }

    /** 1 s at the limit, doubling with each further failure, at most {@link #MAX_WAIT}. */
    static Duration wait(int failuresOverLimit) {
        if (failuresOverLimit >= 20) {
            return MAX_WAIT;
        }
        Duration wait = Duration.ofSeconds(1L << failuresOverLimit);
        return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
    }

    private record Key(String name, int limit) {
    }

    private static String accountKey(String username) {
        String name = username == null ? "" : username.strip().toLowerCase();
        return "account:" + (name.length() > 100 ? name.substring(0, 100) : name);
    }

    private static String addressKey(String address) {
        return address == null ? null : "address:" + address;
    }

    /** 429 with the seconds to wait, sent as Retry-After. */
    public static final class TooManyAttempts extends ApiException {
        private final long retryAfterSeconds;

        TooManyAttempts(long retryAfterSeconds) {
            super(ErrorCode.TOO_MANY_REQUESTS, "too many failed sign-ins: try again in " + retryAfterSeconds
                    + " second" + (retryAfterSeconds == 1 ? "" : "s"));
            this.retryAfterSeconds = retryAfterSeconds;
        }

        @Override
        public java.util.Map<String, String> headers() {
            return java.util.Map.of("Retry-After", Long.toString(retryAfterSeconds));
        }
    }
}
