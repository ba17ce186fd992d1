package dealdesk.quote;

import static dealdesk.testing.TestApp.json;
import static dealdesk.quote.QuoteApiTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every bad input to the pricing, quote and deal endpoints is a 4xx naming the field, never a 500. */
@ExtendWith(DropwizardExtensionsSupport.class)
class QuoteBadInputTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();
    static String alice;
    static String admin;

    @BeforeAll
    static void signIn() {
        alice = TestApp.token(APP, "alice");
        admin = TestApp.token(APP, "admin");
    }

    static Map<String, Object> preview(List<Map<String, Object>> lines) {
        return new LinkedHashMap<>(QuoteApiTest.quote(null, null, 12, lines));
    }

    /** The error body of a response with {@code status}: exactly {code, message, details}, the code the status's. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> error(Response response, int status, String code) {
        String text;
        try (response) {
            text = response.readEntity(String.class);
        }
        assertThat(response.getStatus()).as(text).isEqualTo(status);
        try {
            Map<String, Object> error = APP.getObjectMapper().readValue(text, Map.class);
            assertThat(error).as(text).containsOnlyKeys("code", "message", "details").containsEntry("code", code);
            assertThat((String) error.get("message")).as(text).isNotBlank();
            return error;
        } catch (java.io.IOException e) {
            throw new AssertionError(text, e);
        }
    }

    /** The field paths of a 422 (VALIDATION_FAILED) or 400 (MALFORMED_REQUEST) error, each with a message. */
    @SuppressWarnings("unchecked")
    static List<String> paths(Response response, int status) {
        Map<String, Object> error = error(response, status, status == 400 ? "MALFORMED_REQUEST" : "VALIDATION_FAILED");
        List<Map<String, Object>> details = (List<Map<String, Object>>) error.get("details");
        assertThat(details).allSatisfy(detail -> assertThat(detail).containsOnlyKeys("path", "message")
                .extractingByKey("message").asString().isNotBlank());
        return details.stream().map(d -> (String) d.get("path")).toList();
    }

    static String code(Response response, int status, String code) {
        return (String) error(response, status, code).get("code");
    }

    static Response post(String path, String token, Object body) {
        return TestApp.request(APP, path, token).post(Entity.json(body));
    }

    static long newDeal(String token) {
        Map<String, Object> deal = json(post("/api/v1/deals", token, Map.of(
                "account", Map.of("name", "Acme Corp", "industry", "RETAIL"),
                "expectedCloseDate", "2026-12-15", "stage", "PROPOSAL")), 201);
        return ((Number) deal.get("id")).longValue();
    }

    static List<String> previewPaths(Map<String, Object> body, int status) {
        return paths(post("/api/v1/quotes/preview", alice, body), status);
    }

    @Test
    void unknownSkuIsNamed() {
        assertThat(previewPaths(preview(List.of(line("NOPE-1", 1, 0))), 422)).containsExactly("lines[0].sku");
    }

    @Test
    void zeroNegativeAndFractionalQuantitiesWhereTheUnitForbidsThem() {
        assertThat(previewPaths(preview(List.of(line("CRM-PRO", 0, 0), line("CRM-PRO", -3, 0), line("CRM-PRO", 1.5, 0))), 422))
                .containsExactly("lines[0].quantity", "lines[1].quantity", "lines[2].quantity");
        // hours of onboarding may be fractional
        assertThat(json(post("/api/v1/quotes/preview", alice, preview(List.of(line("SVC-ONBOARD", 7.5, 0)))), 200))
                .containsKey("totals");
    }

    @Test
    void discountOutsideZeroToHundred() {
        assertThat(previewPaths(preview(List.of(line("CRM-PRO", 1, -1), line("CRM-PRO", 1, 100.5))), 422))
                .containsExactly("lines[0].discountPercent", "lines[1].discountPercent");
    }

    @Test
    void tenThousandAndOneLinesAreRefused() {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < 10_001; i++) {
            lines.add(Map.of("sku", "CRM-PRO", "quantity", 1));
        }
        assertThat(previewPaths(preview(lines), 422)).containsExactly("lines");
    }

    @Test
    void unknownCurrencyPriceBookAndACurrencyTheBookHasNoPricesIn() {
        Map<String, Object> body = preview(List.of(line("CRM-PRO", 1, 0)));
        body.put("currency", "XYZ");
        body.put("priceBook", "Nope");
        assertThat(previewPaths(body, 422)).containsExactlyInAnyOrder("currency", "priceBook");
        body.put("currency", "EUR");
        body.put("priceBook", "Standard USD");
        assertThat(previewPaths(body, 422)).containsExactly("currency");
    }

    @Test
    void missingFieldsAreNamed() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lines", List.of(Map.of("quantity", 1)));
        assertThat(previewPaths(body, 422)).contains("customer", "currency", "priceBook", "termMonths", "startDate",
                "lines[0].sku");
        assertThat(previewPaths(preview(List.of()), 422)).containsExactly("lines");
    }

    @Test
    void malformedJsonWrongTypesAndUnknownFieldsAre400() {
        Response malformed = TestApp.request(APP, "/api/v1/quotes/preview", alice)
                .post(Entity.entity("{\"lines\": [", MediaType.APPLICATION_JSON));
        code(malformed, 400, "MALFORMED_REQUEST");
        Map<String, Object> wrongType = preview(List.of(Map.of("sku", "CRM-PRO", "quantity", "many")));
        assertThat(previewPaths(wrongType, 400)).containsExactly("lines[0].quantity");
        Map<String, Object> unknown = preview(List.of(line("CRM-PRO", 1, 0)));
        unknown.put("colour", "red");
        assertThat(previewPaths(unknown, 400)).containsExactly("colour");
    }

    @Test
    void emptyBodyIsRefusedNotAServerError() {
        Response response = TestApp.request(APP, "/api/v1/quotes/preview", alice)
                .post(Entity.entity("", MediaType.APPLICATION_JSON));
        assertThat(paths(response, 422)).containsExactly("body");
    }

    @Test
    void missingAuthIs401AndWrongRoleIs403() {
        code(post("/api/v1/quotes/preview", null, preview(List.of(line("CRM-PRO", 1, 0)))), 401, "UNAUTHENTICATED");
        code(TestApp.request(APP, "/api/v1/deals", null).get(), 401, "UNAUTHENTICATED");
        code(TestApp.request(APP, "/api/v1/pricing/data", alice).put(Entity.json(Map.of())), 403, "FORBIDDEN");
        code(TestApp.request(APP, "/api/v1/pricing/data", alice).get(), 403, "FORBIDDEN");
        code(post("/api/v1/quotes/1/approve", alice, Map.of()), 403, "FORBIDDEN");
    }

    @Test
    void unknownQuoteAndDealAre404AndQuotesNeedADeal() {
        code(TestApp.request(APP, "/api/v1/quotes/999999", alice).get(), 404, "NOT_FOUND");
        code(TestApp.request(APP, "/api/v1/deals/999999", alice).get(), 404, "NOT_FOUND");
        code(post("/api/v1/quotes/999999/clone", alice, Map.of()), 404, "NOT_FOUND");
        assertThat(paths(post("/api/v1/quotes", alice, preview(List.of(line("CRM-PRO", 1, 0)))), 422)).containsExactly("dealId");
        Map<String, Object> unknownDeal = QuoteApiTest.quote(999999, null, 12, List.of(line("CRM-PRO", 1, 0)));
        assertThat(paths(post("/api/v1/quotes", alice, unknownDeal), 422)).containsExactly("dealId");
    }

    @Test
    void updateWithoutAVersionIsRefused() {
        long dealId = newDeal(alice);
        Map<String, Object> created = json(post("/api/v1/quotes", alice,
                QuoteApiTest.quote(dealId, null, 12, List.of(line("CRM-PRO", 1, 0)))), 201);
        Response update = TestApp.request(APP, "/api/v1/quotes/" + created.get("id"), alice)
                .put(Entity.json(QuoteApiTest.quote(null, null, 12, List.of(line("CRM-PRO", 2, 0)))));
        assertThat(paths(update, 422)).containsExactly("version");
    }

    @Test
    void badDealsAreNamed() {
        Map<String, Object> deal = new LinkedHashMap<>();
        deal.put("account", Map.of("name", ""));
        deal.put("splits", List.of(Map.of("username", "alice", "percent", 60), Map.of("username", "ghost", "percent", 30)));
        assertThat(paths(post("/api/v1/deals", alice, deal), 422))
                .containsExactlyInAnyOrder("account.name", "splits[1].username", "expectedCloseDate");
        deal.put("account", Map.of("name", "Acme"));
        deal.put("expectedCloseDate", "2026-12-01");
        deal.put("splits", List.of(Map.of("username", "alice", "percent", 60), Map.of("username", "bob", "percent", 30)));
        assertThat(paths(post("/api/v1/deals", alice, deal), 422)).containsExactly("splits");
        deal.put("splits", List.of(Map.of("username", "alice", "percent", 100)));
        deal.put("owner", "bob");
        code(post("/api/v1/deals", alice, deal), 403, "FORBIDDEN");
        deal.put("stage", "WON");
        assertThat(paths(post("/api/v1/deals", alice, deal), 400)).containsExactly("stage");
    }

    @Test
    void eachBadDealFieldIsNamedAtItsPathInOneAnswerAndAPatchToo() {
        Map<String, Object> deal = new LinkedHashMap<>();
        deal.put("account", Map.of("name", "Acme", "industry", "x".repeat(2001)));
        Map<String, Object> nullSplit = new LinkedHashMap<>();
        nullSplit.put("username", "alice");
        nullSplit.put("percent", null);
        deal.put("splits", java.util.Arrays.asList(Map.of("username", "alice", "percent", 0),
                Map.of("username", "bob", "percent", 100.00001), nullSplit, null));
        deal.put("expectedCloseDate", "2026-12-01");
        deal.put("nextStep", "y".repeat(2001));
        deal.put("businessCase", Map.of("problem", "z".repeat(2001)));
        deal.put("expectedAmount", -1);
        deal.put("currency", "DOLLARS");
        assertThat(paths(post("/api/v1/deals", alice, deal), 422)).containsExactly("account.industry",
                "splits[0].percent", "splits[1].percent", "splits[2].username", "splits[2].percent", "splits[3]",
                "nextStep",
                "businessCase.problem", "expectedAmount", "currency");
        long dealId = newDeal(alice);
        Response patch = TestApp.request(APP, "/api/v1/deals/" + dealId, alice).method("PATCH",
                Entity.json(Map.of("account", Map.of("name", " "), "splits", List.of(), "expectedAmount", 1e13)));
        assertThat(paths(patch, 422)).containsExactly("account.name", "splits", "expectedAmount");
    }

    @Test
    void closingNeedsAnApprovedPrimaryQuoteAndOnlyWonDealsCancel() {
        long dealId = newDeal(alice);
        String path = "/api/v1/deals/" + dealId;
        assertThat(paths(post(path + "/close-won", alice, Map.of()), 422)).containsExactly("primaryQuoteId");
        json(post("/api/v1/quotes", alice, QuoteApiTest.quote(dealId, null, 12, List.of(line("CRM-PRO", 1, 0)))), 201);
        assertThat(paths(post(path + "/close-won", alice, Map.of()), 422)).containsExactly("primaryQuoteId");
        code(post(path + "/cancel", alice, Map.of()), 409, "INVALID_STATE");
        Response patch = TestApp.request(APP, path, alice).method("PATCH", Entity.json(Map.of("stage", "CLOSED_WON")));
        assertThat(paths(patch, 422)).containsExactly("stage");
        Response stale = TestApp.request(APP, path, alice).method("PATCH", Entity.json(Map.of("version", 99, "nextStep", "x")));
        code(stale, 409, "STALE_VERSION");
    }

    @Test
    void badPricingDataIsNamedAndNothingChanges() {
        Object version = TestApp.request(APP, "/api/v1/pricing/data", admin).get(Map.class).get("version");
        Map<String, Object> document = Map.of("version", version,
                "promotions", List.of(Map.of("code", "BAD", "sku", "CRM-PRO", "percent", 150, "validFrom", "2026-12-31",
                        "validTo", "2026-01-01")),
                "floors", List.of(Map.of("name", "x", "sku", "NOPE", "family", "CRM", "percentOfList", 50)));
        Response response = TestApp.request(APP, "/api/v1/pricing/data", admin).put(Entity.json(document));
        assertThat(paths(response, 422)).containsExactlyInAnyOrder("promotions[0].percent", "promotions[0].validTo", "floors[0]");
        @SuppressWarnings("unchecked")
        Map<String, Object> current = TestApp.request(APP, "/api/v1/pricing/data", admin).get(Map.class);
        assertThat((List<?>) current.get("promotions")).hasSize(2);
    }

    @Test
    void amountDiscountsAloneNotNegativeAndWithinTheListPrice() {
        Map<String, Object> both = new LinkedHashMap<>(Map.of("sku", "CRM-PRO", "quantity", 1, "discountPercent", 5,
                "discountAmount", 10));
        Map<String, Object> negative = Map.of("sku", "CRM-PRO", "quantity", 1, "discountAmount", -1);
        Map<String, Object> tooLarge = Map.of("sku", "CRM-PRO", "quantity", 1, "discountAmount", 100.01);
        Map<String, Object> tooPrecise = Map.of("sku", "CRM-PRO", "quantity", 1, "discountAmount", 1.001);
        assertThat(previewPaths(preview(List.of(both, negative, tooLarge, tooPrecise)), 422)).containsExactly(
                "lines[0].discountAmount", "lines[1].discountAmount", "lines[2].discountAmount", "lines[3].discountAmount");
    }

    @Test
    void badPriceTablesAreNamedAndNothingIsStored() {
        Map<String, Object> mixed = Map.of("name", "Mixed", "sku", "PLT-API", "mode", "SLAB", "currency", "USD",
                "tiers", List.of(Map.of("upTo", 10, "unitPrice", 5), Map.of("blockPrice", 100)));
        Map<String, Object> outOfOrder = Map.of("name", "Backwards", "sku", "PLT-API", "mode", "RANGE", "currency", "USD",
                "tiers", List.of(Map.of("upTo", 10, "unitPrice", 5), Map.of("upTo", 5, "unitPrice", 4), Map.of("unitPrice", 3)));
        Map<String, Object> negativeFee = Map.of("name", "Negative", "sku", "PLT-API", "mode", "SLAB", "currency", "USD",
                "tiers", List.of(Map.of("unitPrice", 5, "flatFee", -1)));
        Map<String, Object> noCurrency = Map.of("name", "No currency", "sku", "PLT-API", "mode", "BLOCK",
                "tiers", List.of(Map.of("upTo", 10, "blockPrice", 100)));
        Map<String, Object> blockInSlab = Map.of("name", "Block in slab", "sku", "PLT-API", "mode", "SLAB", "currency", "XYZ",
                "tiers", List.of(Map.of("blockPrice", 100)));
        Object version = TestApp.request(APP, "/api/v1/pricing/data", admin).get(Map.class).get("version");
        Response response = TestApp.request(APP, "/api/v1/pricing/data", admin).put(Entity.json(Map.of("version", version,
                "volumeSchedules", List.of(mixed, outOfOrder, negativeFee, noCurrency, blockInSlab))));
        assertThat(paths(response, 422)).containsExactlyInAnyOrder("volumeSchedules[0].tiers[1]",
                "volumeSchedules[1].tiers[1].upTo", "volumeSchedules[2].tiers[0].flatFee", "volumeSchedules[3].currency",
                "volumeSchedules[4].mode", "volumeSchedules[4].currency");
        @SuppressWarnings("unchecked")
        Map<String, Object> current = TestApp.request(APP, "/api/v1/pricing/data", admin).get(Map.class);
        assertThat((List<?>) current.get("volumeSchedules")).hasSize(2);
    }

    @Test
    void cloningOntoAnUnknownDealIsNamed() {
        long dealId = newDeal(alice);
        Map<String, Object> created = json(post("/api/v1/quotes", alice,
                QuoteApiTest.quote(dealId, null, 12, List.of(line("CRM-PRO", 1, 0)))), 201);
        assertThat(paths(post("/api/v1/quotes/" + created.get("id") + "/clone", alice, Map.of("dealId", 999999)), 422))
                .containsExactly("dealId");
        assertThat(paths(post("/api/v1/quotes/" + created.get("id") + "/clone", alice, Map.of("dealId", "x")), 400))
                .containsExactly("dealId");
    }
}
