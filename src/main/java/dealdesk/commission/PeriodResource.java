package dealdesk.commission;

import dealdesk.auth.User;
import dealdesk.common.Period;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Closing a commission period. */
@Path("/api/v1/periods")
@Produces(MediaType.APPLICATION_JSON)
public class PeriodResource {
    private final PeriodService periods;

    public PeriodResource(PeriodService periods) {
        this.periods = periods;
    }

    @POST
    @Path("/{period}/close")
    @RolesAllowed({"FINANCE", "ADMIN"})
    public Map<String, Object> closePeriod(@Auth User user, @PathParam("period") String period) {
        Period parsed = Period.parse(period);
        return Map.of("period", parsed.toString(), "closedStatements", periods.closePeriod(parsed, user.username()));
    }
}
