package dealdesk.quote;

import dealdesk.auth.User;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Quotes: preview (the hot path, writes nothing), create, read, change, submit and decide approvals. */
@Path("/api/v1/quotes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class QuoteResource {
    private final QuoteService quotes;
    private final QuoteSearch search;

    public QuoteResource(QuoteService quotes, QuoteSearch search) {
        this.quotes = quotes;
        this.search = search;
    }

    /** Quotes the caller may see, filtered and paginated (see {@link QuoteSearch}). */
    @GET
    @PermitAll
    public QuoteSearch.Page list(@Auth User user, @QueryParam("owner") String owner,
                                 @QueryParam("status") String status, @QueryParam("dealId") String dealId,
                                 @QueryParam("q") String q, @QueryParam("awaitingMyApproval") String awaitingMyApproval,
                                 @QueryParam("limit") String limit, @QueryParam("offset") String offset) {
        return search.search(user, new QuoteSearch.Criteria(owner, status, dealId, q, awaitingMyApproval, limit, offset));
    }

    @POST
    @Path("/preview")
    @PermitAll
    public PricedQuote preview(@Auth User user, QuoteRequest request) {
        return quotes.preview(user, request);
    }

    @POST
    @PermitAll
    public Response create(@Auth User user, QuoteRequest request) {
        return Response.status(Response.Status.CREATED).entity(quotes.create(user, request)).build();
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Quote get(@Auth User user, @PathParam("id") long id) {
        return quotes.get(user, id);
    }

    @PUT
    @Path("/{id}")
    @PermitAll
    public Quote update(@Auth User user, @PathParam("id") long id, QuoteRequest request) {
        return quotes.update(user, id, request);
    }

    @POST
    @Path("/{id}/submit")
    @PermitAll
    public Quote submit(@Auth User user, @PathParam("id") long id, ApprovalDecision body) {
        return quotes.submit(user, id, body);
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({"MANAGER", "FINANCE", "ADMIN"})
    public Quote approve(@Auth User user, @PathParam("id") long id, ApprovalDecision body) {
        return quotes.approve(user, id, body);
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({"MANAGER", "FINANCE", "ADMIN"})
    public Quote reject(@Auth User user, @PathParam("id") long id, ApprovalDecision body) {
        return quotes.reject(user, id, body);
    }

    /** A new draft copied from the quote, on the same deal or the one the body names. */
    @POST
    @Path("/{id}/clone")
    @PermitAll
    public Response copy(@Auth User user, @PathParam("id") long id, QuoteService.CloneRequest body) {
        return Response.status(Response.Status.CREATED).entity(quotes.copy(user, id, body)).build();
    }

    @POST
    @Path("/{id}/present")
    @PermitAll
    public Quote present(@Auth User user, @PathParam("id") long id) {
        return quotes.present(user, id);
    }

    @POST
    @Path("/{id}/accept")
    @PermitAll
    public Quote accept(@Auth User user, @PathParam("id") long id) {
        return quotes.accept(user, id);
    }
}
