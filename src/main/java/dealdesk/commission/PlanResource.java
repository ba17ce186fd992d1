package dealdesk.commission;

import dealdesk.auth.User;
import dealdesk.commission.api.AssignmentRequest;
import dealdesk.commission.api.QuotaRequest;
import dealdesk.common.ApiException;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Plan documents, assignments and quotas. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {
    private final PlanService plans;

    public PlanResource(PlanService plans) {
        this.plans = plans;
    }

    @PUT
    @Path("/plans/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
            MediaType.TEXT_PLAIN})
    @RolesAllowed({"FINANCE", "ADMIN"})
    public PlanService.StoredPlan putPlan(@Auth User user, @PathParam("id") String id, String document) {
        return plans.putPlan(id, document, user.username());
    }

    @GET
    @Path("/plans/{id}")
    @RolesAllowed({"FINANCE", "ADMIN", "MANAGER"})
    public List<PlanService.StoredPlan> planVersions(@Auth User user, @PathParam("id") String id) {
        return plans.versions(id);
    }

    @PUT
    @Path("/plans/{id}/assignments/{username}")
    @RolesAllowed({"FINANCE", "ADMIN"})
    public Assignment putAssignment(@Auth User user, @PathParam("id") String id, @PathParam("username") String username,
                                    AssignmentRequest request) {
        return plans.putAssignment(id, username, request, user.username());
    }

    @PUT
    @Path("/quotas/{username}/{period}")
    @RolesAllowed({"FINANCE", "ADMIN"})
    public PlanService.Quota putQuota(@Auth User user, @PathParam("username") String username,
                                      @PathParam("period") String period, QuotaRequest request) {
        if (request == null) {
            throw ApiException.invalid("amount", "send {amount}");
        }
        return plans.putQuota(username, period, request.amount(), user.username());
    }
}
