package dealdesk.finance;

import dealdesk.auth.User;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** POST /api/v1/adjustments (finance); GET lists them by username and period. */
@Path("/api/v1/adjustments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdjustmentResource {
    private final AdjustmentService adjustments;

    public AdjustmentResource(AdjustmentService adjustments) {
        this.adjustments = adjustments;
    }

    @POST
    @RolesAllowed({"FINANCE"})
    public Response post(@Auth User user, AdjustmentService.AdjustmentRequest request) {
        return Response.status(Response.Status.CREATED).entity(adjustments.postManual(request, user.username())).build();
    }

    @GET
    @RolesAllowed({"FINANCE", "ADMIN"})
    public List<Adjustment> list(@Auth User user, @QueryParam("username") String username,
                                 @QueryParam("period") String period) {
        return adjustments.list(username, period);
    }
}
