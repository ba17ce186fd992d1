package dealdesk.deal;

import dealdesk.auth.User;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Deals and their pipeline: create, read, change, close won or lost, cancel. */
@Path("/api/v1/deals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class DealResource {
    private final DealService deals;
    private final DealImport imports;

    public DealResource(DealService deals) {
        this(deals, null);
    }

    public DealResource(DealService deals, DealImport imports) {
        this.deals = deals;
        this.imports = imports;
    }

    @GET
    @PermitAll
    public List<Deal> list(@Auth User user) {
        return deals.list(user);
    }

    @POST
    @PermitAll
    public Response create(@Auth User user, DealRequest request) {
        return Response.status(Response.Status.CREATED).entity(deals.create(user, request)).build();
    }

    /** A CRM export of open deals: created or updated by externalId, all rows or none. */
    @POST
    @Consumes("text/csv")
    @PermitAll
    public DealImport.Result importCsv(@Auth User user, String csv) {
        if (imports == null) {
            throw new dealdesk.common.ApiException(dealdesk.common.ErrorCode.UNSUPPORTED_MEDIA_TYPE, "CSV import is off");
        }
        return imports.importCsv(user, csv);
    }

    @GET
    @Path("/{id}")
    @PermitAll
    public Deal get(@Auth User user, @PathParam("id") long id) {
        return deals.get(user, id);
    }

    @GET
    @Path("/{id}/quotes")
    @PermitAll
    public List<dealdesk.quote.Quote> quotes(@Auth User user, @PathParam("id") long id) {
        return deals.quotes(user, id);
    }

    @PATCH
    @Path("/{id}")
    @PermitAll
    public Deal patch(@Auth User user, @PathParam("id") long id, DealPatch patch) {
        return deals.patch(user, id, patch);
    }

    @POST
    @Path("/{id}/close-won")
    @PermitAll
    public Deal closeWon(@Auth User user, @PathParam("id") long id, DealService.CloseRequest request) {
        return deals.closeWon(user, id, request);
    }

    @POST
    @Path("/{id}/close-lost")
    @PermitAll
    public Deal closeLost(@Auth User user, @PathParam("id") long id, DealService.CloseRequest request) {
        return deals.closeLost(user, id, request);
    }

    /** The rep's manager, finance or an admin confirms the booking of a deal its own rep closed won. */
    @POST
    @Path("/{id}/confirm-booking")
    @PermitAll
    public Deal confirmBooking(@Auth User user, @PathParam("id") long id) {
        return deals.confirmBooking(user, id);
    }

    @POST
    @Path("/{id}/cancel")
    @PermitAll
    public Deal cancel(@Auth User user, @PathParam("id") long id) {
        return deals.cancel(user, id);
    }
}
