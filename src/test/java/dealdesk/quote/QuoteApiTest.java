package dealdesk.quote;

import static dealdesk.testing.TestApp.json;
import static dealdesk.testing.TestApp.status;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The quote API end to end with the demo users, catalog and pricing data. */
@ExtendWith(DropwizardExtensionsSupport.class)
class QuoteApiTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();
    static String alice;
    static String bob;
    static String manager;
    static String finance;

    @BeforeAll
    static void signIn() {
        alice = TestApp.token(APP, "alice");
        bob = TestApp.token(APP, "bob");
        manager = TestApp.token(APP, "manager");
        finance = TestApp.token(APP, "finance");
    }

    static Map<String, Object> quote(Object dealId, Object version, int termMonths, List<Map<String, Object>> lines) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        if (dealId != null) {
            body.put("dealId", dealId);
        }
        if (version != null) {
            body.put("version", version);
        }
        body.put("customer", Map.of("name", "Acme Corp", "segment", "COMMERCIAL", "industry", "RETAIL", "country", "US",
                "locale", "en-US"));
        body.put("currency", "USD");
        body.put("priceBook", "Standard USD");
        body.put("termMonths", termMonths);
        body.put("startDate", "2026-11-01");
        body.put("lines", lines);
        return body;
    }

    static Map<String, Object> line(String sku, Object quantity, Object discount) {
        return Map.of("sku", sku, "quantity", quantity, "discountPercent", discount);
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

    @Test
    @SuppressWarnings("unchecked")
    void previewOfTheDemoCatalogShowsEachLinesWaterfallAndTotals() {
        Map<String, Object> priced = json(post("/api/v1/quotes/preview", alice, quote(null, null, 24, List.of(
                line("CRM-PRO", 20, 5), line("AN-DASH", 20, 0), line("HW-GATEWAY", 2, 0), line("SVC-INSTALL", 2, 0)))), 200);

        List<Map<String, Object>> lines = (List<Map<String, Object>>) priced.get("lines");
        // CRM-PRO 100.00: 2-year term 5% -> 95, then the rep's 5% -> 90.25
        assertThat(new BigDecimal(lines.get(0).get("netPrice").toString())).isEqualByComparingTo("90.25");
        assertThat((List<Map<String, Object>>) lines.get(0).get("adjustments")).extracting(a -> a.get("stage"))
                .containsExactly("TERM", "DISCOUNT");
        // AN-DASH 30.00: 5% term -> 28.50, Q4-ANALYTICS 15% -> 24.225
        assertThat(new BigDecimal(lines.get(1).get("netPrice").toString())).isEqualByComparingTo("24.225");
        Map<String, Object> totals = (Map<String, Object>) priced.get("totals");
        // MRR 20 x 90.25 + 20 x 24.225 = 1805.00 + 484.50; one-time 2 x 1200 + 2 x 950
        assertThat(new BigDecimal(totals.get("mrr").toString())).isEqualByComparingTo("2289.50");
        assertThat(new BigDecimal(totals.get("oneTime").toString())).isEqualByComparingTo("4300.00");
        assertThat(new BigDecimal(totals.get("tcv").toString())).isEqualByComparingTo("59248.00");
        assertThat(new BigDecimal(totals.get("acv").toString())).isEqualByComparingTo("31774.00");
        assertThat((List<?>) priced.get("approvals")).isEmpty();
        assertThat((List<?>) priced.get("errors")).isEmpty();
        assertThat(priced).containsKey("estimate");
    }

    @Test
    @SuppressWarnings("unchecked")
    void brokenConfigurationIsPreviewedWithErrorsButCannotBeSubmitted() {
        Map<String, Object> body = quote(null, null, 12, List.of(line("AN-AI", 10, 0), line("SUP-TAM", 2, 0)));
        Map<String, Object> priced = json(post("/api/v1/quotes/preview", alice, body), 200);
        assertThat((List<Map<String, Object>>) priced.get("errors")).extracting(e -> e.get("path"))
                .containsExactlyInAnyOrder("lines[0]", "lines[1].quantity");

        long dealId = newDeal(alice);
        Map<String, Object> saved = json(post("/api/v1/quotes", alice, quote(dealId, null, 12, (List<Map<String, Object>>) body.get("lines"))), 201);
        Response submit = post("/api/v1/quotes/" + saved.get("id") + "/submit", alice, Map.of());
        Map<String, Object> error = json(submit, 422);
        assertThat((List<Map<String, Object>>) error.get("details")).extracting(d -> d.get("path"))
                .contains("lines[0]", "lines[1].quantity");
    }

    @Test
    @SuppressWarnings("unchecked")
    void approvalFlowAsksOnlyForWhatChanged() {
        long dealId = newDeal(alice);
        Map<String, Object> created = json(post("/api/v1/quotes", alice,
                quote(dealId, null, 12, List.of(line("CRM-PRO", 10, 15)))), 201);
        String path = "/api/v1/quotes/" + created.get("id");
        assertThat(created.get("status")).isEqualTo("DRAFT");
        assertThat(created.get("version")).isEqualTo(1);

        Map<String, Object> submitted = json(post(path + "/submit", alice, Map.of()), 200);
        assertThat(submitted.get("status")).isEqualTo("PENDING_APPROVAL");
        assertThat((List<Map<String, Object>>) submitted.get("approvals")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("level", "MANAGER").containsEntry("status", "PENDING")
                        .containsEntry("reason", "discount 15% on CRM-PRO is above 10%")
                        .containsEntry("metric", "LINE_DISCOUNT_PERCENT")
                        .containsEntry("threshold", 10).containsEntry("actual", 15));

        // a rep cannot approve, finance cannot give a manager's approval, bob cannot even see it
        assertThat(status(post(path + "/approve", bob, Map.of()))).isEqualTo(403);
        assertThat(status(post(path + "/approve", finance, Map.of()))).isEqualTo(403);
        assertThat(status(TestApp.request(APP, path, bob).get())).isEqualTo(403);

        Map<String, Object> approved = json(post(path + "/approve", manager, Map.of("comment", "ok")), 200);
        assertThat(approved.get("status")).isEqualTo("APPROVED");

        // more seats at the same discount: the manager's approval carries over
        Map<String, Object> changed = json(TestApp.request(APP, path, alice).put(Entity.json(
                quote(null, 1, 12, List.of(line("CRM-PRO", 12, 15))))), 200);
        assertThat(changed.get("status")).isEqualTo("DRAFT");
        assertThat(changed.get("version")).isEqualTo(2);
        Map<String, Object> resubmitted = json(post(path + "/submit", alice, Map.of()), 200);
        assertThat(resubmitted.get("status")).isEqualTo("APPROVED");
        assertThat((List<Map<String, Object>>) resubmitted.get("approvals")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("status", "APPROVED").containsEntry("carriedFrom", 1)
                        .containsEntry("decidedBy", "manager"));

        // a stale version is refused, nothing is lost
        assertThat(json(TestApp.request(APP, path, alice).put(Entity.json(
                quote(null, 1, 12, List.of(line("CRM-PRO", 99, 0))))), 409).get("code")).isEqualTo("STALE_VERSION");

        // a deeper discount changes the condition: the manager and finance are asked again
        json(TestApp.request(APP, path, alice).put(Entity.json(quote(null, 2, 12, List.of(line("CRM-PRO", 12, 30))))), 200);
        Map<String, Object> third = json(post(path + "/submit", alice, Map.of()), 200);
        assertThat(third.get("status")).isEqualTo("PENDING_APPROVAL");
        assertThat((List<Map<String, Object>>) third.get("approvals")).extracting(a -> a.get("level") + ":" + a.get("status"))
                .containsExactlyInAnyOrder("MANAGER:PENDING", "FINANCE:PENDING");
        json(post(path + "/approve", manager, Map.of()), 200);
        Map<String, Object> rejected = json(post(path + "/reject", finance, Map.of("comment", "too deep")), 200);
        assertThat(rejected.get("status")).isEqualTo("REJECTED");
    }

    @Test
    void managerApprovesOnlyTheirTeamsQuotes() {
        // the manager owns a deal of their own: nobody manages them, so they cannot approve it themselves
        long dealId = newDeal(manager);
        Map<String, Object> created = json(post("/api/v1/quotes", manager,
                quote(dealId, null, 12, List.of(line("CRM-PRO", 10, 15)))), 201);
        String path = "/api/v1/quotes/" + created.get("id");
        json(post(path + "/submit", manager, Map.of()), 200);
        assertThat(status(post(path + "/approve", manager, Map.of()))).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void demoDealsHaveApprovedPrimaryQuotes() {
        List<Map<String, Object>> deals = (List<Map<String, Object>>) (List<?>) TestApp.request(APP, "/api/v1/deals", alice)
                .get(List.class);
        Map<String, Object> globex = deals.stream().filter(d -> ((Map<String, Object>) d.get("account")).get("name")
                .equals("Globex Corporation")).findFirst().orElseThrow();
        assertThat(globex.get("stage")).isEqualTo("CLOSED_WON");
        assertThat(globex.get("closedOn")).isEqualTo("2026-10-20");
        Map<String, Object> quote = json(TestApp.request(APP, "/api/v1/quotes/" + globex.get("primaryQuoteId"), alice).get(), 200);
        assertThat(quote.get("status")).isEqualTo("ACCEPTED");
        List<Map<String, Object>> lines = (List<Map<String, Object>>) ((Map<String, Object>) quote.get("priced")).get("lines");
        // the contracted Enterprise price of Globex
        assertThat(new BigDecimal(lines.get(0).get("netPrice").toString())).isEqualByComparingTo("150");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aSmallerDiscountKeepsTheManagersApprovalALargerOneAsksAgain() {
        long dealId = newDeal(alice);
        Map<String, Object> created = json(post("/api/v1/quotes", alice,
                quote(dealId, null, 12, List.of(line("CRM-PRO", 10, 18)))), 201);
        String path = "/api/v1/quotes/" + created.get("id");
        json(post(path + "/submit", alice, Map.of()), 200);
        json(post(path + "/approve", manager, Map.of()), 200);

        // 12% on another line is within the 18% the manager approved: nobody is asked again
        json(TestApp.request(APP, path, alice).put(Entity.json(
                quote(null, 1, 12, List.of(line("CRM-PRO", 10, 0), line("AN-DASH", 5, 12))))), 200);
        Map<String, Object> smaller = json(post(path + "/submit", alice, Map.of()), 200);
        assertThat(smaller.get("status")).isEqualTo("APPROVED");
        assertThat((List<Map<String, Object>>) smaller.get("approvals")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("carriedFrom", 1).containsEntry("actual", 12)
                        .containsEntry("reason", "discount 12% on AN-DASH is above 10%"));

        // 20% is more than was approved: the manager is asked again
        json(TestApp.request(APP, path, alice).put(Entity.json(
                quote(null, 2, 12, List.of(line("CRM-PRO", 10, 20))))), 200);
        Map<String, Object> larger = json(post(path + "/submit", alice, Map.of()), 200);
        assertThat(larger.get("status")).isEqualTo("PENDING_APPROVAL");
        assertThat((List<Map<String, Object>>) larger.get("approvals")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("status", "PENDING").containsEntry("actual", 20)
                        .containsEntry("threshold", 10));
    }
}
