package dealdesk.commission;

import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.commission.api.AssignmentRequest;
import dealdesk.commission.api.EstimateRequest;
import dealdesk.commission.api.QuotaRequest;
import dealdesk.commission.api.TransactionRequest;
import dealdesk.commission.engine.Estimator.Estimate;
import dealdesk.commission.engine.Statement;
import dealdesk.common.ApiException;
import dealdesk.common.Period;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Plans, assignments, quotas, transactions, statements, estimates and the dashboard. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CommissionResource {
    private final CommissionService commission;
    private final InsightService insights;
    private final UserService users;

    public CommissionResource(CommissionService commission, InsightService insights, UserService users) {
        this.commission = commission;
        this.insights = insights;
        this.users = users;
    }

    @PUT
    @Path("/plans/{id}")
    @Consumes({MediaType.APPLICATION_JSON, "application/yaml", "application/x-yaml", "text/yaml", "text/x-yaml",
            MediaType.TEXT_PLAIN})
    @RolesAllowed({"FINANCE", "ADMIN"})
    public CommissionService.StoredPlan putPlan(@Auth User user, @PathParam("id") String id, String document) {
        return commission.putPlan(id, document, user.username());
    }

    @GET
    @Path("/plans/{id}")
    @RolesAllowed({"FINANCE", "ADMIN", "MANAGER"})
    public List<CommissionService.StoredPlan> planVersions(@Auth User user, @PathParam("id") String id) {
        return commission.planVersions(id);
    }

    @PUT
    @Path("/plans/{id}/assignments/{username}")
    @RolesAllowed({"FINANCE", "ADMIN"})
    public Assignment putAssignment(@Auth User user, @PathParam("id") String id, @PathParam("username") String username,
                                    AssignmentRequest request) {
        return commission.putAssignment(id, username, request, user.username());
    }

    @PUT
    @Path("/quotas/{username}/{period}")
    @RolesAllowed({"FINANCE", "ADMIN"})
    public CommissionService.Quota putQuota(@Auth User user, @PathParam("username") String username,
                                            @PathParam("period") String period, QuotaRequest request) {
        if (request == null) {
            throw ApiException.invalid("amount", "send {amount}");
        }
        return commission.putQuota(username, period, request.amount(), user.username());
    }

    @POST
    @Path("/transactions")
    @RolesAllowed({"FINANCE", "ADMIN"})
    public CommissionService.ImportResult importJson(@Auth User user, List<TransactionRequest> transactions) {
        return commission.importTransactions(transactions, "", "IMPORT", user.username());
    }

    @POST
    @Path("/transactions")
    @Consumes("text/csv")
    @RolesAllowed({"FINANCE", "ADMIN"})
    public CommissionService.ImportResult importCsv(@Auth User user, String csv) {
        return commission.importTransactions(TransactionParser.fromCsv(csv), "rows", "IMPORT", user.username());
    }

    @GET
    @Path("/statements/{username}/{period}")
    @PermitAll
    public Statement statement(@Auth User user, @PathParam("username") String username,
                               @PathParam("period") String period) {
        users.requireCanSeeMoneyOf(user, username);
        return commission.statement(username, Period.parse(period));
    }

    @POST
    @Path("/estimates")
    @PermitAll
    public Estimate estimate(@Auth User user, EstimateRequest request) {
        if (request != null && request.username() != null) {
            users.requireCanSeeMoneyOf(user, request.username());
        }
        return insights.estimate(request);
    }

    @GET
    @Path("/dashboard/{username}")
    @PermitAll
    public InsightService.Dashboard dashboard(@Auth User user, @PathParam("username") String username,
                                              @QueryParam("period") String period) {
        users.requireCanSeeMoneyOf(user, username);
        return insights.dashboard(username, period);
    }
}
