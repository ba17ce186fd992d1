package dealdesk.pricing;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dealdesk.auth.User;
import dealdesk.catalog.CatalogService;
import dealdesk.common.ApiException;
import dealdesk.common.JsonErrorMappers;
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

/**
 * The pricing data document: volume schedules, term discounts, segment and
 * partner prices, contracted prices, promotions, floors and approval
 * thresholds. Managers, finance and admins read it; admins replace it, naming
 * the version they read, so two admins editing at once never lose a change.
 */
@Path("/api/v1/pricing/data")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PricingResource {
    private final PricingService pricing;
    private final CatalogService catalog;
    private final ObjectMapper mapper;

    public PricingResource(PricingService pricing, CatalogService catalog, ObjectMapper mapper) {
        this.pricing = pricing;
        this.catalog = catalog;
        this.mapper = mapper;
    }

    /** The document with the version it was stored as: send the version back with a change. */
    public record VersionedData(long version, @JsonUnwrapped PricingData data) {
    }

    @GET
    @RolesAllowed({"MANAGER", "FINANCE", "ADMIN"})
    public VersionedData get(@Auth User user) {
        PricingService.Versioned current = pricing.versioned();
        return new VersionedData(current.version(), current.data());
    }

    @PUT
    @RolesAllowed("ADMIN")
    public VersionedData replace(@Auth User user, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("body", "the pricing data document is required");
        }
        JsonNode version = body.get("version");
        if (version == null || !version.canConvertToLong() || !version.isIntegralNumber()) {
            throw ApiException.invalid("version", "send the version you read (GET /api/v1/pricing/data)");
        }
        ObjectNode document = ((ObjectNode) body).deepCopy();
        document.remove("version");
        PricingData data;
        try {
            data = mapper.treeToValue(document, PricingData.class);
        } catch (JsonProcessingException e) {
            throw JsonErrorMappers.toApiException(e);
        }
        PricingService.Versioned stored = pricing.replace(data, version.asLong(), user.username(),
                sku -> catalog.snapshot().product(sku).isPresent());
        return new VersionedData(stored.version(), stored.data());
    }

    @GET
    @Path("/versions")
    @RolesAllowed({"MANAGER", "FINANCE", "ADMIN"})
    public List<PricingDataChange> versions(@Auth User user, @QueryParam("limit") String limit) {
        int rows;
        try {
            rows = limit == null ? 50 : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            rows = -1;
        }
        if (rows < 1 || rows > 500) {
            throw ApiException.invalid("limit", "limit is a whole number from 1 to 500");
        }
        return pricing.versions(rows);
    }
}
