package dealdesk.auth;

import dealdesk.common.ApiException;
import dealdesk.testing.MutableClock;
import dealdesk.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class UserServiceTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));
    private Jdbi jdbi;
    private UserService users;

    @BeforeEach
    void setUp() {
        jdbi = TestDatabase.freshJdbi();
        users = new UserService(jdbi, new PasswordHasher(4), clock, Duration.ofHours(12));
        users.create(new UserService.NewUser("manager", "Maya", Role.MANAGER, "secret", null));
        users.create(new UserService.NewUser("alice", "Alice", Role.REP, "secret", "manager"));
        users.create(new UserService.NewUser("bob", "Bob", Role.REP, "secret", null));
        users.create(new UserService.NewUser("finance", "Fiona", Role.FINANCE, "secret", null));
    }

    @Test
    void passwordsAreStoredAsBcryptHashesAndTokensAsSha256() {
        String hash = jdbi.withHandle(h -> h.createQuery("select password_hash from users where username = 'alice'")
                .mapTo(String.class).one());
        assertThat(hash).startsWith("$2b$04$").doesNotContain("secret");
        UserService.IssuedToken issued = users.signIn("alice", "secret");
        byte[] stored = jdbi.withHandle(h -> h.createQuery("select token_hash from auth_tokens")
                .mapTo(byte[].class).one());
        assertThat(stored).isEqualTo(UserService.sha256(issued.token()));
        assertThat(users.authenticate(issued.token())).map(User::username).contains("alice");
    }

    @Test
    void aTokenStopsWorkingWhenItExpires() {
        UserService.IssuedToken issued = users.signIn("alice", "secret");
        assertThat(issued.expiresAt()).isEqualTo(Instant.parse("2026-11-23T21:00:00Z"));
        clock.set(Instant.parse("2026-11-23T21:00:01Z"));
        assertThat(users.authenticate(issued.token())).isEmpty();
    }

    @Test
    void aRevokedTokenStopsWorkingAtOnceEvenWhenItWasJustUsed() {
        UserService.IssuedToken issued = users.signIn("alice", "secret");
        assertThat(users.authenticate(issued.token())).isPresent();
        users.revoke(issued.token());
        assertThat(users.authenticate(issued.token())).isEmpty();
        long left = jdbi.withHandle(h -> h.createQuery("select count(*) from auth_tokens").mapTo(Long.class).one());
        assertThat(left).isZero();
    }

    @Test
    void aTokenSeenRecentlyStillExpiresOnTime() {
        UserService.IssuedToken issued = users.signIn("alice", "secret");
        assertThat(users.authenticate(issued.token())).isPresent();
        clock.set(issued.expiresAt());
        assertThat(users.authenticate(issued.token())).isEmpty();
    }

    @Test
    void wrongPasswordAndUnknownUserFailWithTheSameError() {
        assertThatThrownBy(() -> users.signIn("alice", "wrong")).isInstanceOf(ApiException.class)
                .hasMessage("invalid username or password");
        assertThatThrownBy(() -> users.signIn("nobody", "wrong")).isInstanceOf(ApiException.class)
                .hasMessage("invalid username or password");
    }

    @Test
    void aRepSeesOnlyTheirOwnMoneyAManagerTheirTeamsAndFinanceEveryones() {
        User alice = users.require("alice");
        User manager = users.require("manager");
        User finance = users.require("finance");
        assertThat(users.canSeeMoneyOf(alice, "alice")).isTrue();
        assertThat(users.canSeeMoneyOf(alice, "bob")).isFalse();
        assertThat(users.canSeeMoneyOf(manager, "alice")).isTrue();
        assertThat(users.canSeeMoneyOf(manager, "bob")).isFalse();
        assertThat(users.canSeeMoneyOf(finance, "bob")).isTrue();
        assertThatThrownBy(() -> users.requireCanSeeMoneyOf(alice, "bob")).isInstanceOf(ApiException.class)
                .hasMessageContaining("may not see");
    }

    @Test
    void anInvalidUserIsRejectedWithEveryFieldNamedAndNothingStored() {
        assertThatThrownBy(() -> users.create(new UserService.NewUser("A B", "", null, "x", null)))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details()).extracting("path")
                        .containsExactly("username", "name", "role", "password"));
        assertThatThrownBy(() -> users.create(new UserService.NewUser("carol", "Carol", Role.REP, "secret",
                "nobody"))).isInstanceOf(ApiException.class).hasMessageContaining("unknown manager");
        assertThat(users.find("carol")).isEmpty();
    }

    @Test
    void aTokenSignedOutThroughOneInstanceStopsAtOnceOnAnotherThatJustUsedIt() {
        UserService otherInstance = new UserService(jdbi, new PasswordHasher(4), clock, Duration.ofHours(12));
        UserService.IssuedToken issued = users.signIn("alice", "secret");
        assertThat(otherInstance.authenticate(issued.token())).isPresent();

        users.revoke(issued.token());

        assertThat(otherInstance.authenticate(issued.token())).isEmpty();
    }

    @Test
    void afterFiveWrongPasswordsTheAccountWaitsOneSecondThenTwoAndTheRightPasswordWaitsToo() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThatThrownBy(() -> users.signIn("alice", "wrong", "203.0.113.9"))
                    .satisfies(failure -> assertThat(((ApiException) failure).code().status()).isEqualTo(401));
        }
        assertThatThrownBy(() -> users.signIn("alice", "secret", "198.51.100.7"))
                .isInstanceOf(SignInThrottle.TooManyAttempts.class)
                .satisfies(failure -> assertThat(((ApiException) failure).headers()).containsEntry("Retry-After", "1"));

        clock.set(Instant.parse("2026-11-23T09:00:01Z"));
        assertThatThrownBy(() -> users.signIn("alice", "wrong", "203.0.113.9"))
                .satisfies(failure -> assertThat(((ApiException) failure).code().status()).isEqualTo(401));
        assertThatThrownBy(() -> users.signIn("alice", "secret", "203.0.113.9"))
                .satisfies(failure -> assertThat(((ApiException) failure).headers()).containsEntry("Retry-After", "2"));

        clock.set(Instant.parse("2026-11-23T09:00:03Z"));
        assertThat(users.signIn("alice", "secret", "203.0.113.9").user().username()).isEqualTo("alice");
        assertThatThrownBy(() -> users.signIn("alice", "wrong", "203.0.113.9"))
                .satisfies(failure -> assertThat(((ApiException) failure).code().status()).isEqualTo(401));
    }

    @Test
    void oneAddressFailingAcrossManyAccountsWaitsAtItsHigherLimitWhileOthersStillSignIn() {
        SignInThrottle throttle = new SignInThrottle(jdbi, clock, 5, 8);
        UserService strict = new UserService(jdbi, new PasswordHasher(4), clock, Duration.ofHours(12), throttle);
        for (int attempt = 0; attempt < 8; attempt++) {
            String account = "nobody" + attempt;
            assertThatThrownBy(() -> strict.signIn(account, "guess", "203.0.113.9"))
                    .satisfies(failure -> assertThat(((ApiException) failure).code().status()).isEqualTo(401));
        }
        assertThatThrownBy(() -> strict.signIn("bob", "secret", "203.0.113.9"))
                .isInstanceOf(SignInThrottle.TooManyAttempts.class);
        assertThat(strict.signIn("bob", "secret", "198.51.100.7").user().username()).isEqualTo("bob");
    }

    @Test
    void thePasswordLimitCountsBytesSoNothingPastBcryptsSeventyTwoIsIgnored() {
        String accents72Bytes = "\u00e9".repeat(36);
        assertThatThrownBy(() -> users.create(new UserService.NewUser("long", "Long", Role.REP,
                accents72Bytes + "\u00e9", null)))
                .satisfies(failure -> assertThat(((ApiException) failure).details())
                        .extracting(detail -> detail.path()).containsExactly("password"));
        users.create(new UserService.NewUser("accent", "Accent", Role.REP, accents72Bytes, null));

        assertThatThrownBy(() -> users.signIn("accent", accents72Bytes + "anything"))
                .satisfies(failure -> assertThat(((ApiException) failure).code().status()).isEqualTo(401));
        assertThat(users.signIn("accent", accents72Bytes).user().username()).isEqualTo("accent");
    }
}
