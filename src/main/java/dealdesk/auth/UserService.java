package dealdesk.auth;

import dealdesk.common.ApiException;
import dealdesk.common.Validation;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** Users, sign-in and who may see whose money. */
public class UserService {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Jdbi jdbi;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Duration tokenLifetime;
    /**
     * Recently seen tokens, so the hot path (quote preview) does not read the tokens table on
     * every request. A token revoked here stops at once; one revoked on another instance, or a
     * user deactivated, within {@link #TOKEN_CACHE_SECONDS}.
     */
    private final Cache<String, LiveToken> recentTokens;

    private record LiveToken(User user, Instant expiresAt) {
    }
    private static final long TOKEN_CACHE_SECONDS = 30;

    public UserService(Jdbi jdbi, PasswordHasher hasher, Clock clock, Duration tokenLifetime) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.recentTokens = Caffeine.newBuilder().expireAfterWrite(Duration.ofSeconds(TOKEN_CACHE_SECONDS))
                .maximumSize(10_000).build();
    }

    public record NewUser(String username, String name, Role role, String password, String manager) {
    }

    public record IssuedToken(String token, Instant expiresAt, User user) {
    }

    public Optional<User> find(String username) {
        return jdbi.withExtension(UserDao.class, dao -> dao.find(username));
    }

    /** The user, or a 404 naming them. */
    public User require(String username) {
        return find(username).orElseThrow(() -> ApiException.notFound("user", username));
    }

    public List<User> list() {
        return jdbi.withExtension(UserDao.class, UserDao::list);
    }

    public List<User> team(String manager) {
        return jdbi.withExtension(UserDao.class, dao -> dao.team(manager));
    }

    public boolean anyUserExists() {
        return jdbi.withExtension(UserDao.class, UserDao::count) > 0;
    }

    /** May {@code viewer} see the statements, estimates and dashboard of {@code username}? */
    public boolean canSeeMoneyOf(User viewer, String username) {
        if (viewer.seesAllMoney() || viewer.username().equals(username)) {
            return true;
        }
        if (viewer.role() == Role.MANAGER) {
            return find(username).map(user -> viewer.username().equals(user.manager())).orElse(false);
        }
        return false;
    }

    /** Throws 403 unless the viewer may see the user's money; 404 if a permitted viewer asks for nobody. */
    public void requireCanSeeMoneyOf(User viewer, String username) {
        if (!canSeeMoneyOf(viewer, username)) {
            throw ApiException.forbidden("you may not see the figures of " + username);
        }
        if (!viewer.username().equals(username)) {
            require(username);
        }
    }

    public User create(NewUser request) {
        Validation validation = new Validation();
        validation.require(request.username() != null && request.username().matches("[a-z0-9][a-z0-9._-]{1,63}"),
                "username", "username must be 2-64 lower-case letters, digits, '.', '_' or '-'");
        validation.require(request.name() != null && !request.name().isBlank() && request.name().length() <= 200,
                "name", "name is required (at most 200 characters)");
        validation.require(request.role() != null, "role", "role is required: REP, MANAGER, FINANCE or ADMIN");
        validation.require(request.password() != null && request.password().length() >= 4
                        && request.password().length() <= 72,
                "password", "password must be 4 to 72 characters");
        validation.throwIfInvalid();
        return jdbi.inTransaction(handle -> {
            UserDao dao = handle.attach(UserDao.class);
            if (dao.find(request.username()).isPresent()) {
                throw new ApiException(dealdesk.common.ErrorCode.CONFLICT, "user " + request.username() + " exists",
                        List.of(new dealdesk.common.FieldError("username", "already taken")));
            }
            if (request.manager() != null && dao.find(request.manager()).isEmpty()) {
                throw ApiException.invalid("manager", "unknown manager " + request.manager());
            }
            long id = dao.insert(request.username(), request.name().strip(), request.role(), request.manager(),
                    hasher.hash(request.password()));
            return new User(id, request.username(), request.name().strip(), request.role(), request.manager());
        });
    }

    /** Checks the password and issues a bearer token; wrong user and wrong password answer alike. */
    public IssuedToken signIn(String username, String password) {
        Validation validation = new Validation();
        validation.require(username != null && !username.isBlank(), "username", "username is required");
        validation.require(password != null && !password.isEmpty(), "password", "password is required");
        validation.throwIfInvalid();
        Optional<String> hash = jdbi.withExtension(UserDao.class, dao -> dao.passwordHash(username));
        boolean matches = hash.isPresent() ? hasher.matches(password, hash.get()) : hasher.matchesNothing(password);
        if (!matches) {
            throw new ApiException(dealdesk.common.ErrorCode.UNAUTHENTICATED, "invalid username or password");
        }
        User user = require(username);
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        Instant now = clock.instant();
        Instant expiresAt = now.plus(tokenLifetime);
        jdbi.useExtension(UserDao.class, dao -> {
            dao.deleteExpiredTokens(now);
            dao.insertToken(sha256(token), user.id(), now, expiresAt);
        });
        return new IssuedToken(token, expiresAt, user);
    }

    /** The user a live token belongs to. */
    public Optional<User> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        LiveToken cached = recentTokens.getIfPresent(token);
        if (cached != null && cached.expiresAt().isAfter(now)) {
            return Optional.of(cached.user());
        }
        byte[] hash = sha256(token);
        Optional<LiveToken> live = jdbi.withExtension(UserDao.class, dao -> dao.findByToken(hash, now)
                .flatMap(user -> dao.tokenExpiry(hash).map(expiry -> new LiveToken(user, expiry))));
        live.ifPresentOrElse(found -> recentTokens.put(token, found), () -> recentTokens.invalidate(token));
        return live.map(LiveToken::user);
    }

    /** Ends a token (sign-out): it stops working at once here, and within seconds on other instances. */
    public void revoke(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return;
        }
        recentTokens.invalidate(token);
        jdbi.useExtension(UserDao.class, dao -> dao.deleteToken(sha256(token)));
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
