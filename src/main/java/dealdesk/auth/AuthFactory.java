package dealdesk.auth;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Clock;

/** Token lifetime and password hashing cost. */
public class AuthFactory {
    @NotNull
    @JsonProperty
    private Duration tokenLifetime = Duration.hours(12);

    @Min(4)
    @Max(16)
    @JsonProperty
    private int bcryptCost = 10;

    public UserService buildUserService(org.jdbi.v3.core.Jdbi jdbi, Clock clock) {
        return new UserService(jdbi, new PasswordHasher(bcryptCost), clock, java.time.Duration.ofMillis(
                tokenLifetime.toMilliseconds()));
    }
}
