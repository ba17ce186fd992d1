package dealdesk.web;

import dealdesk.auth.Role;
import dealdesk.auth.User;
import dealdesk.auth.UserService;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Optional;

/**
 * The finance console page, for FINANCE and ADMIN: disputes, periods, payouts, adjustments and a user
 * search. The page is a shell; finance.js calls the finance JSON API with the page's bearer token.
 */
@Path("finance")
@Produces(MediaType.TEXT_HTML)
public class FinanceConsoleResource {
    private final UserService users;

    public FinanceConsoleResource(UserService users) {
        this.users = users;
    }

    @GET
    public Response console(@CookieParam(SessionCookie.NAME) String token) {
        Optional<User> user = token == null || token.isEmpty() ? Optional.empty() : users.authenticate(token);
        if (user.isEmpty()) {
            return Response.seeOther(URI.create("/?next=%2Ffinance")).header("Cache-Control", "no-store").build();
        }
        Role role = user.get().role();
        if (role != Role.FINANCE && role != Role.ADMIN) {
            return PageResource.page(403, new ErrorView(user.get(), 403, "The finance console is for finance and admins."));
        }
        return PageResource.page(200, new FinanceConsoleView(user.get(), token));
    }
}
