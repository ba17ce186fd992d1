package dealdesk.rules;

import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.commission.PlanVersion;
import dealdesk.rules.CommissionSimulator.Simulation;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Plans as a list, their versions, a what-if of a draft, and a rep's plan in plain words. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
public class PlanChangeResource {
    private final WhatIfService whatIf;
    private final PlanExplainer explainer;
    private final UserService users;

    public PlanChangeResource(WhatIfService whatIf, PlanExplainer explainer, UserService users) {
        this.whatIf = whatIf;
        this.explainer = explainer;
        this.users = users;
    }

    @GET
    @Path("/plans")
    @RolesAllowed({"FINANCE", "ADMIN", "MANAGER"})
    public List<PlanChangeDao.PlanSummary> plans(@Auth User user) {
        return whatIf.plans();
    }

    @GET
    @Path("/plans/{id}/versions")
    @RolesAllowed({"FINANCE", "ADMIN", "MANAGER"})
    public List<PlanVersion> versions(@Auth User user, @PathParam("id") String id) {
        return whatIf.versions(id);
    }

    /** The caller's plan (or, with ?username=, a rep's whose money the caller may see). */
    @GET
    @Path("/plans/mine")
    @PermitAll
    public PlanExplainer.MyPlan mine(@Auth User user, @QueryParam("username") String username) {
        String whose = username == null || username.isBlank() ? user.username() : username;
        users.requireCanSeeMoneyOf(user, whose);
        return explainer.explain(whose);
    }

    @POST
    @Path("/plans/{id}/simulate")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
            MediaType.TEXT_PLAIN})
    @RolesAllowed({"FINANCE", "ADMIN"})
    public Simulation simulate(@Auth User user, @PathParam("id") String id, @QueryParam("period") String period,
                               String document) {
        return whatIf.simulatePlan(id, period, document, user.username());
    }
}
