package dealdesk.auth;

import dealdesk.common.ErrorCode;
import dealdesk.common.ErrorResponse;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
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

    public static void register(JerseyEnvironment jersey, UserService users) {
        TokenAuthenticator authenticator = new TokenAuthenticator(users);
        jersey.register(new NoTokensInUrls());
        jersey.register(new AuthDynamicFeature(new OAuthCredentialAuthFilter.Builder<User>()
                .setAuthenticator(authenticator)
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
