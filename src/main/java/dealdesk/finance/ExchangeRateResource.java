package dealdesk.finance;

import dealdesk.auth.User;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** GET/PUT /api/v1/exchange-rates: the dated rates bookings in other currencies are converted at. */
@Path("/api/v1/exchange-rates")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"FINANCE", "ADMIN"})
public class ExchangeRateResource {
    private final ExchangeRateService rates;

    public ExchangeRateResource(ExchangeRateService rates) {
        this.rates = rates;
    }

    @GET
    public List<ExchangeRate> list(@Auth User user, @QueryParam("from") String from, @QueryParam("to") String to) {
        return rates.list(from, to);
    }

    @PUT
    public ExchangeRateService.PutResult putJson(@Auth User user, List<ExchangeRateService.RateRequest> requests) {
        return rates.put(requests, "", user.username());
    }

    @PUT
    @Consumes("text/csv")
    public ExchangeRateService.PutResult putCsv(@Auth User user, String csv) {
        return rates.put(ExchangeRateService.fromCsv(csv), "rows", user.username());
    }
}
