package dealdesk.catalog;

import static dealdesk.testing.TestApp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The catalog's request records carry their constraints: a violation answers the error contract with
 * the field's JSON path ({@code options[0].maxQuantity}, {@code translations.tr.name}), never
 * Dropwizard's {@code {errors: [...]}}; CSV rows bind to the same records as JSON and every bad
 * cell is named at its row.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class CatalogConstraintsTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();
    static final GenericType<Map<String, Object>> MAP = new GenericType<>() { };
    static String admin;

    @BeforeAll
    static void signIn() {
        admin = TestApp.token(APP, "admin");
    }

    @Test
    void aProductTranslationTooLongIsNamedByLanguageAndField() {
        Map<String, Object> error = error(send("POST", "/api/v1/products", "{\"sku\":\"CC-1\",\"name\":\"N\","
                + "\"family\":\"F\",\"kind\":\"ONE_TIME\",\"unit\":\"u\",\"translations\":{\"tr\":{\"name\":\""
                + "x".repeat(201) + "\"}}}"), 422);

        assertThat(paths(error)).containsExactly("translations.tr.name");
        assertThat(error).doesNotContainKey("errors");
    }

    @Test
    void aPriceBookDescriptionIsCheckedByItsConstraint() {
        assertThat(paths(error(send("PUT", "/api/v1/price-books/CC-BOOK", "{\"description\":\""
                + "d".repeat(2001) + "\"}"), 422))).containsExactly("description");
    }

    @Test
    void bundleOptionsAndRuleQuantitiesOutOfRangeNameTheirField() {
        assertThat(paths(error(send("PUT", "/api/v1/bundles/BDL-STARTER", "{\"options\":[{\"optionSku\":\"CRM-STD\","
                + "\"minQuantity\":1,\"maxQuantity\":1e400,\"required\":true}, null]}"), 422)))
                .containsExactly("options[0].maxQuantity", "options[1]");
        assertThat(paths(error(send("POST", "/api/v1/configuration-rules", "{\"kind\":\"QUANTITY_LIMIT\","
                + "\"subjectSku\":\"SUP-TAM\",\"minQuantity\":-1,\"maxQuantity\":1e400,\"message\":\"m\"}"), 422)))
                .containsExactly("minQuantity", "maxQuantity");
    }

    @Test
    void everyBadCellOfAPriceBookCsvIsNamedAtItsRowAndNothingIsStored() {
        Map<String, Object> error = error(request(APP, "/api/v1/price-books/Standard%20USD/entries", admin)
                .post(Entity.entity("sku,currency,listPrice,effectiveFrom\nCRM-STD,USD,abc,2031-01-01\n"
                        + "CRM-STD,ZZZ,-1,2031-01-01\nNOPE,USD,10.12345,someday\n", "text/csv")), 422);

        assertThat(paths(error)).containsExactlyInAnyOrder("rows[0].listPrice", "rows[1].currency",
                "rows[1].listPrice", "rows[2].sku", "rows[2].listPrice", "rows[2].effectiveFrom");
        List<Map<String, Object>> entries = request(APP, "/api/v1/price-books/Standard%20USD/entries", admin)
                .get(new GenericType<>() { });
        assertThat(entries).noneMatch(entry -> "2031-01-01".equals(entry.get("effectiveFrom")));
    }

    private static Response send(String method, String path, String json) {
        return request(APP, path, admin).method(method, Entity.entity(json, MediaType.APPLICATION_JSON));
    }

    private static Map<String, Object> error(Response response, int status) {
        try (response) {
            assertThat(response.getStatus()).isEqualTo(status);
            Map<String, Object> body = response.readEntity(MAP);
            assertThat(body).containsKeys("code", "message", "details");
            return body;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> paths(Map<String, Object> error) {
        return ((List<Map<String, Object>>) error.get("details")).stream().map(detail -> detail.get("path")).toList();
    }
}
