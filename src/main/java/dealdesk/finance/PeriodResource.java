package dealdesk.finance;

import dealdesk.auth.User;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Periods (list, close, pay) and the payroll export. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PeriodResource {
    private final PeriodService periods;

    public PeriodResource(PeriodService periods) {
        this.periods = periods;
    }

    @GET
    @Path("/periods")
    @RolesAllowed({"FINANCE", "ADMIN"})
    public List<PeriodService.PeriodStatus> list(@Auth User user) {
        return periods.list();
    }

    @POST
    @Path("/periods/{period}/close")
    @RolesAllowed({"FINANCE", "ADMIN"})
    public PeriodService.Outcome close(@Auth User user, @PathParam("period") String period,
                                       PeriodService.CloseRequest request) {
        return periods.close(period, request, user.username());
    }

    @POST
    @Path("/periods/{period}/pay")
    @RolesAllowed({"FINANCE", "ADMIN"})
    public PeriodService.Outcome pay(@Auth User user, @PathParam("period") String period) {
        return periods.pay(period, user.username());
    }

    @GET
    @Path("/payouts/{period}")
    @Produces("text/csv")
    @RolesAllowed({"FINANCE", "ADMIN"})
    public Response payouts(@Auth User user, @PathParam("period") String period) {
        return Response.ok(periods.payouts(period), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"payouts-" + period + ".csv\"").build();
    }
}
