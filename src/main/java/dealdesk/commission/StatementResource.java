package dealdesk.commission;

import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.commission.api.EstimateRequest;
import dealdesk.commission.engine.Estimator.Estimate;
import dealdesk.commission.engine.Statement;
import dealdesk.common.Period;
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

/** What a user earns: statements, estimates and the dashboard, for them and whoever may see their money. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class StatementResource {
    private final StatementService statements;
    private final InsightService insights;
    private final UserService users;

    public StatementResource(StatementService statements, InsightService insights, UserService users) {
        this.statements = statements;
        this.insights = insights;
        this.users = users;
    }

    @GET
    @Path("/statements/{username}/{period}")
    @PermitAll
    public Statement statement(@Auth User user, @PathParam("username") String username,
                               @PathParam("period") String period) {
        users.requireCanSeeMoneyOf(user, username);
        return statements.statement(username, Period.parse(period));
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
