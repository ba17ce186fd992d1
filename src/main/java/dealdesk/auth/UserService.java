package dealdesk.auth;

import dealdesk.common.ApiException;
import dealdesk.common.Validation;
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
    private final SignInThrottle throttle;

    /** With the default sign-in throttle: 5 failures per account, 50 per address. */
    public UserService(Jdbi jdbi, PasswordHasher hasher, Clock clock, Duration tokenLifetime) {
        this(jdbi, hasher, clock, tokenLifetime, new SignInThrottle(jdbi, clock, 5, 50));
    }

    public UserService(Jdbi jdbi, PasswordHasher hasher, Clock clock, Duration tokenLifetime, SignInThrottle throttle) {
        this.jdbi = jdbi;
        this.hasher = hasher;
        this.clock = clock;
        this.tokenLifetime = tokenLifetime;
        this.throttle = throttle;
    }

    public record NewUser(String username, String name, Role role, String password, String manager) {
    }

    public record IssuedToken(String token, Instant expiresAt, User user) {
    }

    public Optional<User> find(String username) {
        return jdbi.withExtension(UserDao.class, dao -> dao.find(username));
    }

    /** Which of these usernames are users: one query however many (imports name thousands of splits). */
    public java.util.Set<String> existing(java.util.Collection<String> usernames) {
        if (usernames.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbi.withExtension(UserDao.class,
                dao -> dao.existing(usernames.toArray(String[]::new))));
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
                        && passwordBytes(request.password()) <= PasswordHasher.MAX_BYTES,
                "password", "password must be at least 4 characters and at most " + PasswordHasher.MAX_BYTES
                        + " bytes in UTF-8 (fewer characters with accents or non-Latin letters)");
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

    /** Checks the password and issues a bearer token; counts failures per account only. */
    public IssuedToken signIn(String username, String password) {
        return signIn(username, password, null);
    }

    /**
     * Checks the password and issues a bearer token; wrong user and wrong password answer alike.
     * Failures are counted per account and per client address (when known): past a handful,
     * attempts wait longer each time (429 with Retry-After).
     */
    public IssuedToken signIn(String username, String password, String address) {
        Validation validation = new Validation();
        validation.require(username != null && !username.isBlank(), "username", "username is required");
        validation.require(password != null && !password.isEmpty(), "password", "password is required");
        validation.throwIfInvalid();
        throttle.checkAllowed(username, address);
        Optional<String> hash = passwordBytes(password) > PasswordHasher.MAX_BYTES ? Optional.empty()
                : jdbi.withExtension(UserDao.class, dao -> dao.passwordHash(username));
        boolean matches = hash.isPresent() ? hasher.matches(password, hash.get()) : hasher.matchesNothing(password);
        if (!matches) {
            throttle.failed(username, address);
            throw new ApiException(dealdesk.common.ErrorCode.UNAUTHENTICATED, "invalid username or password");
        }
        throttle.succeeded(username);
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

    /**
     * The user a live token belongs to. Read from the database on every request (one primary-key
     * lookup), so a sign-out or a deactivation takes effect on every instance at once.
     */
    public Optional<User> authenticate(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return jdbi.withExtension(UserDao.class, dao -> dao.findByToken(sha256(token), clock.instant()));
    }

    /** Ends a token (sign-out): it stops working at once, on every instance. */
    public void revoke(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return;
        }
        jdbi.useExtension(UserDao.class, dao -> dao.deleteToken(sha256(token)));
    }

    private static int passwordBytes(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length;
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
