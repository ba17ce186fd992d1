package dealdesk.catalog;

import dealdesk.auth.User;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Products, bundles, configuration rules and price books; everyone reads, admins write. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CatalogResource {
    private static final String CSV = "text/csv";
    private final CatalogService catalog;

    public CatalogResource(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GET
    @Path("/products")
    @PermitAll
    public List<Product> products(@Auth User user, @QueryParam("family") String family,
                                  @QueryParam("includeInactive") boolean includeInactive) {
        return catalog.snapshot().products().stream()
                .filter(product -> family == null || product.family().equalsIgnoreCase(family))
                .filter(product -> includeInactive || product.active())
                .toList();
    }

    @GET
    @Path("/products/{sku}")
    @PermitAll
    public Product product(@Auth User user, @PathParam("sku") String sku) {
        return catalog.product(sku);
    }

    @POST
    @Path("/products")
    @RolesAllowed("ADMIN")
    public Response createProduct(@Auth User user, @NotNull @Valid ProductRequest request) {
        return Response.status(Response.Status.CREATED).entity(catalog.products().create(request, user.username())).build();
    }

    @POST
    @Path("/products")
    @Consumes(CSV)
    @RolesAllowed("ADMIN")
    public Map<String, Object> importProducts(@Auth User user, String csv) {
        List<Product> imported = catalog.products().importCsv(csv, user.username());
        return Map.of("imported", imported.size(), "products", imported);
    }

    @PUT
    @Path("/products/{sku}")
    @RolesAllowed("ADMIN")
    public Product updateProduct(@Auth User user, @PathParam("sku") String sku,
                                 @NotNull @Valid ProductRequest request) {
        return catalog.products().update(sku, request, user.username());
    }

    @GET
    @Path("/bundles")
    @PermitAll
    public Collection<Bundle> bundles(@Auth User user) {
        return catalog.snapshot().bundles();
    }

    @GET
    @Path("/bundles/{sku}")
    @PermitAll
    public Bundle bundle(@Auth User user, @PathParam("sku") String sku) {
        return catalog.bundles().bundle(sku);
    }

    @PUT
    @Path("/bundles/{sku}")
    @RolesAllowed("ADMIN")
    public Bundle putBundle(@Auth User user, @PathParam("sku") String sku, BundleService.BundleRequest request) {
        return catalog.bundles().putBundle(sku, request, user.username());
    }

    @GET
    @Path("/configuration-rules")
    @PermitAll
    public List<ConfigurationRule> rules(@Auth User user) {
        return catalog.snapshot().rules();
    }

    @POST
    @Path("/configuration-rules")
    @RolesAllowed("ADMIN")
    public Response createRule(@Auth User user, ConfigurationRuleService.RuleRequest request) {
        return Response.status(Response.Status.CREATED).entity(catalog.rules().createRule(request, user.username())).build();
    }

    @PUT
    @Path("/configuration-rules/{id}")
    @RolesAllowed("ADMIN")
    public ConfigurationRule updateRule(@Auth User user, @PathParam("id") long id,
                                        ConfigurationRuleService.RuleRequest request) {
        return catalog.rules().updateRule(id, request, user.username());
    }

    @DELETE
    @Path("/configuration-rules/{id}")
    @RolesAllowed("ADMIN")
    public Response deleteRule(@Auth User user, @PathParam("id") long id) {
        catalog.rules().deleteRule(id, user.username());
        return Response.noContent().build();
    }

    @GET
    @Path("/price-books")
    @PermitAll
    public Collection<PriceBook> priceBooks(@Auth User user) {
        return catalog.snapshot().priceBooks();
    }

    @GET
    @Path("/price-books/{name}")
    @PermitAll
    public PriceBook priceBook(@Auth User user, @PathParam("name") String name) {
        return catalog.priceBooks().priceBook(name);
    }

    @PUT
    @Path("/price-books/{name}")
    @RolesAllowed("ADMIN")
    public PriceBook putPriceBook(@Auth User user, @PathParam("name") String name,
                                  @Valid PriceBookService.PriceBookRequest request) {
        return catalog.priceBooks().putPriceBook(name, request, user.username());
    }

    @GET
    @Path("/price-books/{name}/entries")
    @PermitAll
    public List<PriceBookEntry> entries(@Auth User user, @PathParam("name") String name) {
        return catalog.priceBooks().entries(name);
    }

    @POST
    @Path("/price-books/{name}/entries")
    @RolesAllowed("ADMIN")
    public Map<String, Object> putEntries(@Auth User user, @PathParam("name") String name,
                                          List<PriceBookService.EntryRequest> entries) {
        List<PriceBookEntry> stored = catalog.priceBooks().putEntries(name, entries, user.username());
        return Map.of("imported", stored.size(), "entries", stored);
    }

    @POST
    @Path("/price-books/{name}/entries")
    @Consumes(CSV)
    @RolesAllowed("ADMIN")
    public Map<String, Object> importEntries(@Auth User user, @PathParam("name") String name, String csv) {
        List<PriceBookEntry> stored = catalog.priceBooks().importEntries(name, csv, user.username());
        return Map.of("imported", stored.size(), "entries", stored);
    }
}
