package dealdesk.proposal;

import dealdesk.auth.User;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A quote's proposal as a PDF; errors come back as the usual JSON. */
@Path("/api/v1/quotes/{id}/proposal.pdf")
public class ProposalResource {
    public static final String PDF = "application/pdf";

    private final ProposalService proposals;

    public ProposalResource(ProposalService proposals) {
        this.proposals = proposals;
    }

    @GET
    @PermitAll
    @Produces({PDF, MediaType.APPLICATION_JSON})
    public Response proposal(@Auth User user, @PathParam("id") long id, @QueryParam("template") String template,
            @QueryParam("locale") String locale) {
        ProposalService.Proposal proposal = proposals.render(user, id, template, locale);
        return Response.ok(proposal.pdf(), PDF)
                .header("Content-Disposition", "inline; filename=\"" + proposal.fileName() + "\"")
                .build();
    }
}
