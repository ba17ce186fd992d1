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
}
