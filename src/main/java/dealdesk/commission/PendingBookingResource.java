package dealdesk.commission;

import dealdesk.auth.User;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Bookings awaiting confirmation (a rep's own closed-won deals): a rep sees hers as pending, her
 * manager and finance see the ones they may confirm with POST /api/v1/deals/{id}/confirm-booking.
 */
@Path("/api/v1/bookings")
@Produces(MediaType.APPLICATION_JSON)
public class PendingBookingResource {
    private final PendingBookings pending;

    public PendingBookingResource(PendingBookings pending) {
        this.pending = pending;
    }

    @GET
    @Path("/awaiting-confirmation")
    @PermitAll
    public List<PendingBookings.Item> awaitingConfirmation(@Auth User user) {
        return pending.visibleTo(user);
    }
}
