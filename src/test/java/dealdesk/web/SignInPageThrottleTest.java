package dealdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.MutableClock;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Map;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sign-in page counts failures per client address like the token endpoint does: wrong passwords
 * for many accounts from one address, through the form, make that address wait on both (429 with
 * Retry-After), while each account alone is far from its own limit.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class SignInPageThrottleTest {
    static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension(CLOCK,
            ConfigOverride.config("auth.signInFailuresPerAddress", "3"),
            ConfigOverride.config("auth.signInFailuresPerAccount", "100"));

    @Test
    void wrongPasswordsForManyAccountsThroughTheFormMakeTheAddressWaitOnThePageAndTheApi() {
        for (String username : new String[] {"alice", "bob", "manager"}) {
            try (Response response = login(username, "wrong")) {
                assertThat(response.getStatus()).as(username).isEqualTo(401);
            }
        }

        try (Response page = login("finance", "demo")) {
            assertThat(page.getStatus()).isEqualTo(429);
            assertThat(page.getHeaderString("Retry-After")).isEqualTo("1");
            assertThat(page.readEntity(String.class)).contains("Too many failed sign-ins: try again in 1 second");
        }
        try (Response api = TestApp.request(APP, "/api/v1/auth/token", null)
                .post(Entity.json(Map.of("username", "finance", "password", "demo")))) {
            assertThat(api.getStatus()).isEqualTo(429);
            assertThat(api.getHeaderString("Retry-After")).isEqualTo("1");
        }

        CLOCK.set(Instant.parse("2026-11-20T10:00:02Z"));
        try (Response page = login("finance", "demo")) {
            assertThat(page.getStatus()).isEqualTo(303);
        }
    }

    private static Response login(String username, String password) {
        String csrf;
        try (Response signInPage = APP.client().target(TestApp.url(APP, "/"))
                .property(ClientProperties.FOLLOW_REDIRECTS, false).request(MediaType.TEXT_HTML_TYPE).get()) {
            csrf = signInPage.getCookies().get(Csrf.COOKIE).getValue();
        }
        Form form = new Form().param("username", username).param("password", password).param(Csrf.FIELD, csrf);
        return APP.client().target(TestApp.url(APP, "/login")).property(ClientProperties.FOLLOW_REDIRECTS, false)
                .request(MediaType.TEXT_HTML_TYPE).cookie(Csrf.COOKIE, csrf).post(Entity.form(form));
    }
}
