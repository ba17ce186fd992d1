package dealdesk.rules;

import dealdesk.auth.User;
import dealdesk.common.ApiException;
import dealdesk.rules.api.ActivationRequest;
import dealdesk.rules.api.RuleSetRequest;
import dealdesk.rules.api.SimulationRequest;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
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

/** Rule set versions: admins upload and activate; finance reads them. */
@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RuleSetResource {
    private final RuleSetService ruleSets;
    private final WhatIfService whatIf;

    public RuleSetResource(RuleSetService ruleSets, WhatIfService whatIf) {
        this.ruleSets = ruleSets;
        this.whatIf = whatIf;
    }

    @GET
    @RolesAllowed({"FINANCE", "ADMIN"})
    public List<RuleSetService.RuleSetView> list(@Auth User user, @QueryParam("base") String base) {
        return ruleSets.list(base);
    }

    @GET
    @Path("/active")
    @RolesAllowed({"FINANCE", "ADMIN"})
    public RuleSetService.ActiveRuleSet active(@Auth User user, @QueryParam("base") String base) {
        return ruleSets.active(base);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"FINANCE", "ADMIN"})
    public RuleSetDao.RuleSetRow get(@Auth User user, @PathParam("id") String id) {
        return ruleSets.find(id(id));
    }

    @POST
    @RolesAllowed("ADMIN")
    public Response create(@Auth User user, RuleSetRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "send {base, drl, note}");
        }
        return Response.status(Response.Status.CREATED)
                .entity(ruleSets.create(request.base(), request.drl(), request.note(), user.username())).build();
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed("ADMIN")
    public RuleSetService.ActivationView activate(@Auth User user, @PathParam("id") String id,
                                                  ActivationRequest request) {
        if (request == null) {
            throw ApiException.invalid("from", "send {from}: the first day the rules are in force");
        }
        return ruleSets.activate(id(id), request.from(), user.username());
    }

    /** Each rep's earnings in the period by the rules in force and by this version; stores nothing. */
    @POST
    @Path("/{id}/simulate")
    @RolesAllowed({"FINANCE", "ADMIN"})
    public CommissionSimulator.Simulation simulate(@Auth User user, @PathParam("id") String id,
                                                   SimulationRequest request) {
        if (request == null) {
            throw ApiException.invalid("period", "send {period}, like 2026-Q4");
        }
        return whatIf.simulateRuleSet(id(id), request.period(), user.username());
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("rule set", text);
        }
    }
}
