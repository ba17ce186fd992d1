package dealdesk.pipeline;

import dealdesk.auth.User;
import dealdesk.pipeline.api.Funnel;
import dealdesk.pipeline.api.FunnelPlan;
import dealdesk.pipeline.api.FunnelPlanRequest;
import dealdesk.pipeline.api.PipelineReport;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Coverage, the funnel and funnel plans; who may see what is the services' to decide. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PipelineResource {
    private final PipelineService pipeline;
    private final FunnelService funnel;

    public PipelineResource(PipelineService pipeline, FunnelService funnel) {
        this.pipeline = pipeline;
        this.funnel = funnel;
    }

    @GET
    @Path("/pipeline")
    @PermitAll
    public PipelineReport pipeline(@Auth User user, @QueryParam("username") String username,
                                   @QueryParam("team") String team, @QueryParam("period") String period) {
        return pipeline.pipeline(user, username, team, period);
    }

    @GET
    @Path("/pipeline/funnel")
    @PermitAll
    public Funnel funnel(@Auth User user, @QueryParam("username") String username, @QueryParam("team") String team,
                         @QueryParam("period") String period) {
        return funnel.funnel(user, username, team, period);
    }

    @GET
    @Path("/funnel-plans/{username}/{period}")
    @PermitAll
    public FunnelPlan plan(@Auth User user, @PathParam("username") String username, @PathParam("period") String period) {
        return funnel.getPlan(user, username, period);
    }

    @PUT
    @Path("/funnel-plans/{username}/{period}")
    @PermitAll
    public FunnelPlan putPlan(@Auth User user, @PathParam("username") String username,
                              @PathParam("period") String period, FunnelPlanRequest request) {
        return funnel.putPlan(user, username, period, request);
    }
}
