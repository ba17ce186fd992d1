package dealdesk.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Clock;

/** Token lifetime, password hashing cost and sign-in throttling. */
public class AuthFactory {
    @NotNull
    @JsonProperty
    private Duration tokenLifetime = Duration.hours(12);

    @Min(4)
    @Max(16)
    @JsonProperty
    private int bcryptCost = 10;

    /** Failed sign-ins in a row an account may have before each further attempt waits (1 s, 2 s, 4 s ...). */
    @Min(1)
    @Max(1000)
    @JsonProperty
    private int signInFailuresPerAccount = 5;

    /** The same for one client address, higher because many people may share one. */
    @Min(1)
    @Max(100000)
    @JsonProperty
    private int signInFailuresPerAddress = 50;

    public UserService buildUserService(org.jdbi.v3.core.Jdbi jdbi, Clock clock) {
        return new UserService(jdbi, new PasswordHasher(bcryptCost), clock, java.time.Duration.ofMillis(
                tokenLifetime.toMilliseconds()), new SignInThrottle(jdbi, clock, signInFailuresPerAccount,
                signInFailuresPerAddress));
    }
}
