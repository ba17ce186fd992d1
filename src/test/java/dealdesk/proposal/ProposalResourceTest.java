package dealdesk.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /api/v1/quotes/{id}/proposal.pdf end to end, with the demo users, catalog and pricing. */
@ExtendWith(DropwizardExtensionsSupport.class)
class ProposalResourceTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();
    static String alice;
    static String bob;
    static String manager;
    static String finance;
    static long aliceQuote;

    @BeforeAll
    static void signInAndQuote() {
        alice = TestApp.token(APP, "alice");
        bob = TestApp.token(APP, "bob");
        manager = TestApp.token(APP, "manager");
        finance = TestApp.token(APP, "finance");
        aliceQuote = newQuote(alice, "شرکت پارس گستر ژیان", "fa-IR");
    }

    @Test
    void theOwnerGetsADraftProposalInTheCustomersLanguage() throws IOException {
        try (Response response = get(aliceQuote, "", alice)) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType().toString()).isEqualTo("application/pdf");
            assertThat(response.getHeaderString("Content-Disposition"))
                    .contains(String.format("proposal-Q-%06d-v1.pdf", aliceQuote));
            String text = ProposalRendererTest.normalised(ProposalRendererTest.extractText(response.readEntity(byte[].class), true));
            assertThat(text).contains("شرکت پارس گستر ژیان").contains("پیشنهاد قیمت").contains("CRM-PRO");
        }
    }

    @Test
    void aTemplateAndLocaleCanBeAskedFor() throws IOException {
        try (Response response = get(aliceQuote, "?template=compact&locale=ja", alice)) {
            assertThat(response.getStatus()).isEqualTo(200);
            byte[] pdf = response.readEntity(byte[].class);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getNumberOfPages()).isEqualTo(1);
            }
            assertThat(ProposalRendererTest.extractText(pdf)).contains("見積番号");
        }
    }

    @Test
    void eachLineShowsItsWholeDiscountFromListToNetAndTheDraftWatermarkGoesOnApproval() throws IOException {
        long quote = newQuote(alice, "Acme Corp", "en-US");
        String draft;
        try (Response response = get(quote, "", alice)) {
            draft = ProposalRendererTest.extractText(response.readEntity(byte[].class));
        }
        // CRM-PRO 100.00 for 24 months: term 5% -> 95.00, the rep's 5% -> 90.25, 9.75% off list
        assertThat(draft).contains("Acme Corp").contains("$100.00").contains("9.75%").contains("$90.25")
                .contains("DRA");

        try (Response submitted = post("/api/v1/quotes/" + quote + "/submit", alice, Map.of())) {
            assertThat(submitted.getStatus()).as(submitted.readEntity(String.class)).isEqualTo(200);
        }
        try (Response response = get(quote, "", alice)) {
            assertThat(ProposalRendererTest.extractText(response.readEntity(byte[].class))).doesNotContain("DRA");
        }
    }

    @Test
    void theOwnersManagerAndFinanceMayHaveIt() {
        for (String token : List.of(manager, finance)) {
            try (Response response = get(aliceQuote, "?locale=en", token)) {
                assertThat(response.getStatus()).isEqualTo(200);
            }
        }
    }

    @Test
    void anotherRepMayNot() {
        assertError(get(aliceQuote, "", bob), 403, null);
    }

    @Test
    void anUnknownLocaleOrTemplateIsA422NamingTheParameter() {
        assertError(get(aliceQuote, "?locale=xx-YY", alice), 422, "locale");
        assertError(get(aliceQuote, "?template=../../etc/passwd", alice), 422, "template");
    }

    @Test
    void anUnknownQuoteIsA404() {
        assertError(get(987654, "", alice), 404, null);
    }

    @Test
    void aCustomerNameNoFontCoversStillRenders() throws IOException {
        long quote = newQuote(alice, "Ꮳherokee 😀 Ltd \u202Eevil", "chr");

        try (Response response = get(quote, "", alice)) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(ProposalRendererTest.extractText(response.readEntity(byte[].class))).contains("herokee");
        }
    }

    @Test
    void aTranslatedProductShowsItsNameDescriptionAndUnitInTheCustomersLanguageAndFallsBackElsewhere() throws IOException {
        String admin = TestApp.token(APP, "admin");
        created(post("/api/v1/products", admin, Map.of("sku", "LOC-SEAT", "name", "Localized Seat", "family", "LOCAL",
                "kind", "SUBSCRIPTION", "unit", "seat", "description", "A seat for the local team",
                "translations", Map.of("tr", Map.of("name", "Yerel Koltuk", "description", "Yerel ekip için bir koltuk",
                        "unit", "koltuk"), "hu", Map.of("name", "Helyi hely")))));
        try (Response entries = post("/api/v1/price-books/Standard USD/entries".replace(" ", "%20"), admin,
                List.of(Map.of("sku", "LOC-SEAT", "currency", "USD", "listPrice", 10)))) {
            assertThat(entries.getStatus()).as(entries.readEntity(String.class)).isEqualTo(200);
        }
        Map<String, Object> deal = created(post("/api/v1/deals", alice, Map.of(
                "account", Map.of("name", "Yerel A.Ş.", "industry", "RETAIL"),
                "expectedCloseDate", "2026-12-15", "stage", "PROPOSAL")));
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("dealId", deal.get("id"));
        quote.put("customer", Map.of("name", "Yerel A.Ş.", "segment", "COMMERCIAL", "country", "TR", "locale", "tr-TR"));
        quote.put("currency", "USD");
        quote.put("priceBook", "Standard USD");
        quote.put("termMonths", 12);
        quote.put("startDate", "2026-11-01");
        quote.put("lines", List.of(Map.of("sku", "LOC-SEAT", "quantity", 3)));
        long id = ((Number) created(post("/api/v1/quotes", alice, quote)).get("id")).longValue();

        try (Response response = get(id, "", alice)) {
            String text = ProposalRendererTest.normalised(ProposalRendererTest.extractText(response.readEntity(byte[].class)));
            assertThat(text).contains("Yerel Koltuk").contains("Yerel ekip için bir koltuk").contains("koltuk")
                    .doesNotContain("Localized Seat");
        }
        // Hungarian has the name only: the description falls back to the default text
        try (Response response = get(id, "?locale=hu", alice)) {
            String text = ProposalRendererTest.normalised(ProposalRendererTest.extractText(response.readEntity(byte[].class)));
            assertThat(text).contains("Helyi hely").contains("A seat for the local team");
        }
        try (Response response = get(id, "?locale=en", alice)) {
            String text = ProposalRendererTest.normalised(ProposalRendererTest.extractText(response.readEntity(byte[].class)));
            assertThat(text).contains("Localized Seat").doesNotContain("Yerel Koltuk");
        }
    }

    private static Response get(long quoteId, String query, String token) {
        return APP.client().target(TestApp.url(APP, "/api/v1/quotes/" + quoteId + "/proposal.pdf" + query)).request()
                .header("Authorization", "Bearer " + token).get();
    }

    @SuppressWarnings("unchecked")
    private static void assertError(Response response, int status, String path) {
        try (response) {
            assertThat(response.getStatus()).isEqualTo(status);
            assertThat(response.getMediaType().toString()).startsWith("application/json");
            Map<String, Object> body = response.readEntity(Map.class);
            assertThat(body).containsKeys("code", "message", "details");
            if (path != null) {
                assertThat((List<Map<String, Object>>) body.get("details")).extracting(d -> d.get("path")).contains(path);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static long newQuote(String token, String customer, String locale) {
        Map<String, Object> deal = created(post("/api/v1/deals", token, Map.of(
                "account", Map.of("name", "Proposal Test", "industry", "RETAIL"),
                "expectedCloseDate", "2026-12-15", "stage", "PROPOSAL")));
        Map<String, Object> quote = new LinkedHashMap<>();
        quote.put("dealId", deal.get("id"));
        quote.put("customer", Map.of("name", customer, "segment", "COMMERCIAL", "industry", "RETAIL", "country", "IR",
                "locale", locale));
        quote.put("currency", "USD");
        quote.put("priceBook", "Standard USD");
        quote.put("termMonths", 24);
        quote.put("startDate", "2026-11-01");
        quote.put("lines", List.of(
                Map.of("sku", "CRM-PRO", "quantity", 20, "discountPercent", 5),
                Map.of("sku", "HW-GATEWAY", "quantity", 2, "discountPercent", 0),
                Map.of("sku", "SVC-INSTALL", "quantity", 2, "discountPercent", 0)));
        return ((Number) created(post("/api/v1/quotes", token, quote)).get("id")).longValue();
    }

    private static Response post(String path, String token, Object body) {
        return TestApp.request(APP, path, token).post(Entity.json(body));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> created(Response response) {
        try (response) {
            String text = response.readEntity(String.class);
            assertThat(response.getStatus()).as(text).isEqualTo(201);
            try {
                return APP.getObjectMapper().readValue(text, Map.class);
            } catch (IOException e) {
                throw new AssertionError(text, e);
            }
        }
    }
}
