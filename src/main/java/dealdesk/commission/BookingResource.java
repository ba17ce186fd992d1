package dealdesk.commission;

import dealdesk.auth.User;
import dealdesk.commission.api.TransactionRequest;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Imported bookings: a JSON array or CSV with the same columns. */
@Path("/api/v1/transactions")
@Produces(MediaType.APPLICATION_JSON)
public class BookingResource {
    private final BookingService bookings;

    public BookingResource(BookingService bookings) {
        this.bookings = bookings;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"FINANCE", "ADMIN"})
    public BookingService.ImportResult importJson(@Auth User user, List<TransactionRequest> transactions) {
        return bookings.importTransactions(transactions, "", "IMPORT", user.username());
    }

    @POST
    @Consumes("text/csv")
    @RolesAllowed({"FINANCE", "ADMIN"})
    public BookingService.ImportResult importCsv(@Auth User user, String csv) {
        return bookings.importTransactions(TransactionParser.fromCsv(csv), "rows", "IMPORT", user.username());
    }
}
