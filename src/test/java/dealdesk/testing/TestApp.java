package dealdesk.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dealdesk.DealdeskApplication;
import dealdesk.DealdeskConfiguration;
import dealdesk.common.Json;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.core.Application;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole service, in demo mode, on a fresh database and random ports.
 * Use as {@code static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();}
 * in a class annotated {@code @ExtendWith(DropwizardExtensionsSupport.class)}.
 */
public final class TestApp {
    private static final ObjectMapper MAPPER = Json.configure(Jackson.newObjectMapper());
    private TestApp() {
    }

    public static DropwizardAppExtension<DealdeskConfiguration> extension(ConfigOverride... extra) {
        return new Extension(support(null, TestDatabase.freshUrl(), extra));
    }

    /** The whole service with "now" from {@code clock} (a fixed or {@link MutableClock}). */
    public static DropwizardAppExtension<DealdeskConfiguration> extension(Clock clock, ConfigOverride... extra) {
        return new Extension(support(clock, TestDatabase.freshUrl(), extra));
    }

    /** The extension with a client that waits up to a minute: two cores shared by many suites are slow. */
    private static final class Extension extends DropwizardAppExtension<DealdeskConfiguration> {
        Extension(DropwizardTestSupport<DealdeskConfiguration> support) {
            super(support);
        }

        @Override
        protected org.glassfish.jersey.client.JerseyClientBuilder clientBuilder() {
            return super.clientBuilder().property(org.glassfish.jersey.client.ClientProperties.READ_TIMEOUT, 60_000)
                    .property(org.glassfish.jersey.client.ClientProperties.CONNECT_TIMEOUT, 10_000);
        }
    }

    /**
     * The service on a given database, not yet started (call {@code before()} and {@code after()}):
     * two of them on one URL are two instances sharing a PostgreSQL.
     */
    public static DropwizardTestSupport<DealdeskConfiguration> support(Clock clock, String databaseUrl,
                                                                       ConfigOverride... extra) {
        ConfigOverride[] overrides = new ConfigOverride[extra.length + 1];
        overrides[0] = ConfigOverride.config("database.url", databaseUrl);
        System.arraycopy(extra, 0, overrides, 1, extra.length);
        return new DropwizardTestSupport<>(DealdeskApplication.class,
                ResourceHelpers.resourceFilePath("test-config.yml"), overrides) {
            @Override
            public Application<DealdeskConfiguration> newApplication() {
                return new DealdeskApplication(clock);
            }
        };
    }

    /**
     * The extension's client, waiting up to a minute for an answer: on a loaded two-core machine a
     * request can queue for seconds, and the default 5 s read timeout made tests fail on load, not bugs.
     */
    public static jakarta.ws.rs.client.Client patient(DropwizardAppExtension<DealdeskConfiguration> app) {
        return app.client().property(org.glassfish.jersey.client.ClientProperties.READ_TIMEOUT, 60_000)
                .property(org.glassfish.jersey.client.ClientProperties.CONNECT_TIMEOUT, 10_000);
    }

    /** Signs a demo user in (password {@code demo}) and returns the bearer token. */
    public static String token(DropwizardAppExtension<DealdeskConfiguration> app, String username) {
        try (Response response = patient(app).target(url(app, "/api/v1/auth/token")).request()
                .post(Entity.json(Map.of("username", username, "password", "demo")))) {
            if (response.getStatus() != 200) {
                throw new IllegalStateException("sign-in of " + username + " failed: " + response.getStatus());
            }
            return (String) response.readEntity(Map.class).get("token");
        }
    }

    public static String url(DropwizardAppExtension<DealdeskConfiguration> app, String path) {
        return "http://localhost:" + app.getLocalPort() + path;
    }

    /** The status of a response whose body does not matter; reading and closing it frees the connection. */
    public static int status(Response response) {
        try (response) {
            if (response.hasEntity()) {
                response.readEntity(String.class);
            }
            return response.getStatus();
        }
    }

    /** The JSON object a response carries, once its status is the expected one (else the body is shown). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> json(Response response, int status) {
        try (response) {
            String text = response.readEntity(String.class);
            assertThat(response.getStatus()).as(text).isEqualTo(status);
            return MAPPER.readValue(text, Map.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** A request builder for a path, signed in with the token (or anonymous when null). */
    public static Invocation.Builder request(DropwizardAppExtension<DealdeskConfiguration> app, String path,
                                             String token) {
        Invocation.Builder builder = patient(app).target(url(app, path)).request(MediaType.APPLICATION_JSON);
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }
}
