package dealdesk.auth;

import com.codahale.metrics.MetricRegistry;
import dealdesk.common.ErrorCode;
import dealdesk.common.ErrorResponse;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.auth.CachingAuthenticator;
import io.dropwizard.auth.UnauthorizedHandler;
import io.dropwizard.auth.oauth.OAuthCredentialAuthFilter;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;

import java.util.List;

/** Bearer tokens on every endpoint that asks for {@code @Auth User}; roles via {@code @RolesAllowed}. */
public final class BearerAuth {
    private BearerAuth() {
    }

    public static void register(JerseyEnvironment jersey, MetricRegistry metrics, UserService users) {
        TokenAuthenticator authenticator = new TokenAuthenticator(users);
        // A short cache keeps the hot path (quote preview) off the tokens table; a revoked
        // or expired token stops working within the cache's lifetime.
        CachingAuthenticator<String, User> cached = new CachingAuthenticator<>(metrics, authenticator,
                com.github.benmanes.caffeine.cache.Caffeine.newBuilder()
                        .expireAfterWrite(java.time.Duration.ofSeconds(30)).maximumSize(10_000));
        jersey.register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<User>()
                .setAuthenticator(cached)
                .setAuthorizer(authenticator)
                .setPrefix("Bearer")
                .setRealm("dealdesk")
                .setUnauthorizedHandler(new JsonUnauthorized())
                .buildAuthFilter()));
        jersey.register(RolesAllowedDynamicFeature.class);
        jersey.register(new AuthValueFactoryProvider.Binder<>(User.class));
    }

    private static final class JsonUnauthorized implements UnauthorizedHandler {
        @Override
        public Response buildResponse(String prefix, String realm) {
            String message = "sign in first: POST /api/v1/auth/token, then send Authorization: Bearer <token>";
            return Response.status(Response.Status.UNAUTHORIZED)
                    .header("WWW-Authenticate", prefix + " realm=\"" + realm + "\"")
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorResponse(ErrorCode.UNAUTHENTICATED.name(), message, List.of()))
                    .build();
        }
    }
}
