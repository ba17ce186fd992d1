package dealdesk.auth;

import dealdesk.common.ApiException;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AuthResource {
    private final UserService users;

    public AuthResource(UserService users) {
        this.users = users;
    }

    public record TokenRequest(String username, String password) {
    }

    @POST
    @Path("/auth/token")
    public UserService.IssuedToken token(TokenRequest request, @Context HttpServletRequest http) {
        if (request == null) {
            throw ApiException.invalid("body", "a JSON body {username, password} is required");
        }
        return users.signIn(request.username(), request.password(), http.getRemoteAddr());
    }

    /** Signs out: the bearer token of this request stops working. */
    @POST
    @Path("/auth/logout")
    @PermitAll
    public Response logout(@Auth User user, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        users.revoke(authorization.substring(authorization.indexOf(' ') + 1).strip());
        return Response.noContent().build();
    }

    @GET
    @Path("/users/me")
    @PermitAll
    public User me(@Auth User user) {
        return user;
    }

    @GET
    @Path("/users")
    @RolesAllowed({"ADMIN", "FINANCE", "MANAGER"})
    public List<User> list(@Auth User user) {
        return user.role() == Role.MANAGER ? users.team(user.username()) : users.list();
    }

    @GET
    @Path("/users/{username}")
    @PermitAll
    public User get(@Auth User user, @PathParam("username") String username) {
        users.requireCanSeeMoneyOf(user, username);
        return users.require(username);
    }

    @POST
    @Path("/users")
    @RolesAllowed("ADMIN")
    public Response create(@Auth User user, UserService.NewUser request) {
        if (request == null) {
            throw ApiException.invalid("body", "a JSON body {username, name, role, password, manager} is required");
        }
        User created = users.create(request);
        return Response.status(Response.Status.CREATED).entity(created).build();
    }
}
