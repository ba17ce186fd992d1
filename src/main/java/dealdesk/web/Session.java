package dealdesk.web;

import dealdesk.auth.User;
import dealdesk.auth.UserService;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Who a page request is from (the session cookie's user), and the redirects every page resource uses. */
final class Session {
    private final UserService users;

    Session(UserService users) {
        this.users = users;
    }

    Optional<User> user(String token) {
        return token == null || token.isEmpty() ? Optional.empty() : users.authenticate(token);
    }

    /**
     * Where each role starts: a rep on their dashboard, a manager on the team, finance and admins on the
     * finance console (disputes, periods, payouts).
     */
    static String landing(User user) {
        return switch (user.role()) {
            case REP -> "/dashboard";
            case MANAGER -> "/team";
            case FINANCE, ADMIN -> "/finance";
        };
    }

    static Response toSignIn(String next) {
        return Response.seeOther(URI.create("/?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)))
                .header("Cache-Control", "no-store").build();
    }

    static Response redirect(String target) {
        return Response.seeOther(URI.create(target)).header("Cache-Control", "no-store").build();
    }
}
