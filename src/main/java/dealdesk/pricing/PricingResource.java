package dealdesk.pricing;

import dealdesk.auth.User;
import dealdesk.catalog.CatalogService;
import dealdesk.common.ApiException;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * The pricing data document: volume schedules, term discounts, segment and
 * partner prices, contracted prices, promotions, floors and approval
 * thresholds. Managers, finance and admins read it; admins replace it.
 */
@Path("/api/v1/pricing/data")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PricingResource {
    private final PricingService pricing;
    private final CatalogService catalog;

    public PricingResource(PricingService pricing, CatalogService catalog) {
        this.pricing = pricing;
        this.catalog = catalog;
    }

    @GET
    @RolesAllowed({"MANAGER", "FINANCE", "ADMIN"})
    public PricingData get(@Auth User user) {
        return pricing.data();
    }

    @PUT
    @RolesAllowed("ADMIN")
    public PricingData replace(@Auth User user, PricingData document) {
        if (document == null) {
            throw ApiException.invalid("body", "the pricing data document is required");
        }
        return pricing.replace(document, user.username(), sku -> catalog.snapshot().product(sku).isPresent());
    }
}
