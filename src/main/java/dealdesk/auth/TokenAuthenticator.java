package dealdesk.auth;

import io.dropwizard.auth.Authenticator;
import io.dropwizard.auth.Authorizer;
import jakarta.ws.rs.container.ContainerRequestContext;

import java.util.Optional;

/** Bearer token to user, and role checks for {@code @RolesAllowed}. */
public class TokenAuthenticator implements Authenticator<String, User>, Authorizer<User> {
    private final UserService users;

    public TokenAuthenticator(UserService users) {
        this.users = users;
    }

    @Override
    public Optional<User> authenticate(String token) {
        return users.authenticate(token);
    }

    @Override
    public boolean authorize(User user, String role, ContainerRequestContext context) {
        return user.role().name().equals(role);
    }
}
