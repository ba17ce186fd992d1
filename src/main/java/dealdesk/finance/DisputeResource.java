package dealdesk.finance;

import dealdesk.auth.User;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Disputes: open, list, read with the line's trace, comment, resolve. */
@Path("/api/v1/disputes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@PermitAll
public class DisputeResource {
    private final DisputeService disputes;

    public DisputeResource(DisputeService disputes) {
        this.disputes = disputes;
    }

    @POST
    public Response open(@Auth User user, DisputeService.DisputeRequest request) {
        return Response.status(Response.Status.CREATED).entity(disputes.open(user, request)).build();
    }

    @GET
    public List<Dispute> list(@Auth User user, @QueryParam("username") String username,
                              @QueryParam("status") String status, @QueryParam("period") String period) {
        return disputes.list(user, username, status, period);
    }

    @GET
    @Path("/{id}")
    public DisputeService.DisputeDetail get(@Auth User user, @PathParam("id") String id) {
        return disputes.get(user, FinanceIds.parse(id));
    }

    @POST
    @Path("/{id}/comments")
    public Dispute comment(@Auth User user, @PathParam("id") String id, DisputeService.CommentRequest request) {
        return disputes.comment(user, FinanceIds.parse(id), request);
    }

    @POST
    @Path("/{id}/resolve")
    public Dispute resolve(@Auth User user, @PathParam("id") String id, DisputeService.ResolveRequest request) {
        return disputes.resolve(user, FinanceIds.parse(id), request);
    }
}
