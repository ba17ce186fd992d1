package dealdesk.commission;

import static dealdesk.testing.TestApp.json;
import static dealdesk.testing.TestApp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deals and quotes meet commission: estimates on quotes, close-won books, cancel claws back, pipeline on the dashboard. */
@ExtendWith(DropwizardExtensionsSupport.class)
@SuppressWarnings("unchecked")
class DealCommissionTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();
    static String finance;
    static String frank;

    @BeforeAll
    static void setUp() {
        String admin = TestApp.token(APP, "admin");
        finance = TestApp.token(APP, "finance");
        json(request(APP, "/api/v1/users", admin).post(Entity.json(Map.of("username", "frank", "name", "Frank",
                "role", "REP", "password", "demo", "manager", "manager"))), 201);
        frank = TestApp.token(APP, "frank");
        json(request(APP, "/api/v1/plans/deals", finance).put(Entity.entity("""
                id: deals
                effectiveFrom: 2026-01-01
                period: QUARTER
                currency: USD
                creditBasis: ACV
                baseRate: 0.10
                clawback: { windowDays: 90 }
                """, MediaType.valueOf("application/yaml"))), 200);
        json(request(APP, "/api/v1/plans/deals/assignments/frank", finance).put(Entity.json(Map.of("from", "2026-01-01"))), 200);
        json(request(APP, "/api/v1/quotas/frank/2026-Q4", finance).put(Entity.json(Map.of("amount", 500000))), 200);
    }

    @Test
    void aQuoteShowsTheEstimateClosingWonBooksItAndCancellingClawsItBack() {
        long dealId = deal("Acme Retail", "2026-12-10", "PROPOSAL");
        Map<String, Object> quote = json(request(APP, "/api/v1/quotes", frank).post(Entity.json(quote(dealId, 24))), 201);
        Map<String, Object> priced = (Map<String, Object>) quote.get("priced");
        Map<String, Object> totals = (Map<String, Object>) priced.get("totals");
        Map<String, Object> estimate = (Map<String, Object>) priced.get("estimate");
        BigDecimal acv = new BigDecimal(totals.get("acv").toString());
        // no tiers: 10% of the ACV, one line rounded at a time
        assertThat(new BigDecimal(estimate.get("amount").toString()))
                .isCloseTo(acv.multiply(new BigDecimal("0.10")), org.assertj.core.data.Offset.offset(new BigDecimal("0.02")));
        assertThat(new BigDecimal(estimate.get("onePointMoreDiscountCosts").toString())).isPositive();

        long quoteId = ((Number) quote.get("id")).longValue();
        json(request(APP, "/api/v1/quotes/" + quoteId + "/submit", frank).post(Entity.json(Map.of())), 200);
        json(request(APP, "/api/v1/quotes/" + quoteId + "/present", frank).post(Entity.json(Map.of())), 200);
        // closed by frank's manager: booked at once (a rep's own close waits for confirmation, see OwnBookingTest)
        json(request(APP, "/api/v1/deals/" + dealId + "/close-won", TestApp.token(APP, "manager"))
                .post(Entity.json(Map.of("closeDate", "2026-11-20"))), 200);

        Map<String, Object> statement = json(request(APP, "/api/v1/statements/frank/2026-Q4", frank).get(), 200);
        assertThat(new BigDecimal(statement.get("credited").toString())).isEqualByComparingTo(acv);
        List<Map<String, Object>> lines = (List<Map<String, Object>>) statement.get("lines");
        assertThat(lines).isNotEmpty().allSatisfy(line ->
                assertThat(line.get("transactionId").toString()).startsWith("deal-" + dealId + "-"));
        BigDecimal earned = new BigDecimal(((Map<String, Object>) statement.get("totals")).get("earned").toString());
        assertThat(earned).isEqualByComparingTo(new BigDecimal(estimate.get("amount").toString()));

        json(request(APP, "/api/v1/deals/" + dealId + "/cancel", frank).post(Entity.json(Map.of())), 200);

        Map<String, Object> clawedBack = json(request(APP, "/api/v1/statements/frank/2026-Q4", frank).get(), 200);
        // cancelled within the clawback window: as if it never closed, toward pay and attainment
        assertThat(((List<Map<String, Object>>) clawedBack.get("lines"))).isEmpty();
        assertThat(new BigDecimal(clawedBack.get("credited").toString())).isEqualByComparingTo("0");
        assertThat(new BigDecimal(((Map<String, Object>) clawedBack.get("totals")).get("earned").toString()))
                .isEqualByComparingTo("0");
    }

    @Test
    void anOpenDealIsInTheDashboardPipelineWeightedByItsStage() {
        long dealId = deal("Pipeline Corp", "2026-12-20", "NEGOTIATION");
        json(request(APP, "/api/v1/quotes", frank).post(Entity.json(quote(dealId, 12))), 201);

        Map<String, Object> dashboard = json(request(APP, "/api/v1/dashboard/frank?period=2026-Q4", frank).get(), 200);

        Map<String, Object> pipeline = (Map<String, Object>) dashboard.get("pipeline");
        List<Map<String, Object>> deals = (List<Map<String, Object>>) pipeline.get("deals");
        Map<String, Object> open = deals.stream().filter(deal -> deal.get("dealId").equals("deal-" + dealId))
                .findFirst().orElseThrow();
        assertThat(open.get("stage")).isEqualTo("NEGOTIATION");
        assertThat(new BigDecimal(open.get("probability").toString())).isEqualByComparingTo("0.75");
        BigDecimal amount = new BigDecimal(open.get("amount").toString());
        assertThat(new BigDecimal(open.get("weightedAmount").toString()))
                .isEqualByComparingTo(amount.multiply(new BigDecimal("0.75")).setScale(2, java.math.RoundingMode.HALF_UP));
        assertThat(new BigDecimal(open.get("commission").toString())).isPositive();
        assertThat(dashboard.get("pipelineCoverage")).isNotNull();

        Map<String, Object> estimate = json(request(APP, "/api/v1/estimates", frank).post(Entity.json(
                Map.of("username", "frank", "dealId", "deal-" + dealId))), 200);
        assertThat(new BigDecimal(estimate.get("amount").toString()))
                .isEqualByComparingTo(new BigDecimal(open.get("commission").toString()));
        assertThat(paths(json(request(APP, "/api/v1/estimates", frank).post(Entity.json(
                Map.of("username", "frank", "dealId", "twelve"))), 422))).containsExactly("dealId");
        assertThat(paths(json(request(APP, "/api/v1/estimates", frank).post(Entity.json(
                Map.of("username", "frank", "dealId", "deal-" + dealId, "lines", List.of(Map.of("amount", 1))))), 422)))
                .containsExactly("lines");
    }

    @Test
    void anOpenDealQuotedInEurosForADollarPlanHasNoEstimateAndStaysOutOfTheDashboardPipeline() {
        long dealId = deal("Euro Corp", "2026-12-18", "NEGOTIATION");
        Map<String, Object> body = quote(dealId, 12);
        body.put("currency", "EUR");
        body.put("priceBook", "Standard EUR");
        json(request(APP, "/api/v1/quotes", frank).post(Entity.json(body)), 201);

        // the plan pays in USD: mixing currencies is refused, not added up
        Map<String, Object> refused = json(request(APP, "/api/v1/estimates", frank).post(Entity.json(
                Map.of("username", "frank", "dealId", "deal-" + dealId))), 422);
        assertThat(paths(refused)).containsExactly("dealId");
        assertThat(refused.get("message").toString()).contains("USD");
        Map<String, Object> dashboard = json(request(APP, "/api/v1/dashboard/frank?period=2026-Q4", frank).get(), 200);
        List<Map<String, Object>> deals = (List<Map<String, Object>>) ((Map<String, Object>) dashboard.get("pipeline"))
                .get("deals");
        assertThat(deals).extracting(deal -> deal.get("dealId")).doesNotContain("deal-" + dealId);
    }

    @Test
    void aCloseWonWhoseBookingFailsLeavesTheDealOpenAndTheQuoteAsItWasAndARetryWorksOnceFixed() {
        String admin = TestApp.token(APP, "admin");
        json(request(APP, "/api/v1/users", admin).post(Entity.json(Map.of("username", "gina", "name", "Gina",
                "role", "REP", "password", "demo", "manager", "manager"))), 201);
        String gina = TestApp.token(APP, "gina");
        String plan = """
                id: gina-plan
                effectiveFrom: 2026-01-01
                period: QUARTER
                currency: %s
                creditBasis: ACV
                baseRate: 0.10
                """;
        json(request(APP, "/api/v1/plans/gina-plan", finance).put(Entity.entity(plan.formatted("USD"),
                MediaType.valueOf("application/yaml"))), 200);
        json(request(APP, "/api/v1/plans/gina-plan/assignments/gina", finance)
                .put(Entity.json(Map.of("from", "2026-01-01"))), 200);
        Map<String, Object> deal = json(request(APP, "/api/v1/deals", gina).post(Entity.json(Map.of(
                "account", Map.of("name", "Euro GmbH", "industry", "RETAIL"),
                "expectedCloseDate", "2026-12-10", "stage", "PROPOSAL"))), 201);
        long dealId = ((Number) deal.get("id")).longValue();
        Map<String, Object> euroQuote = quote(dealId, 12);
        euroQuote.put("currency", "EUR");
        euroQuote.put("priceBook", "Standard EUR");
        long quoteId = ((Number) json(request(APP, "/api/v1/quotes", gina).post(Entity.json(euroQuote)), 201)
                .get("id")).longValue();
        json(request(APP, "/api/v1/quotes/" + quoteId + "/submit", gina).post(Entity.json(Map.of())), 200);
        json(request(APP, "/api/v1/quotes/" + quoteId + "/present", gina).post(Entity.json(Map.of())), 200);

        Map<String, Object> refused = json(request(APP, "/api/v1/deals/" + dealId + "/close-won", finance)
                .post(Entity.json(Map.of("closeDate", "2026-11-20"))), 422);

        assertThat(paths(refused)).containsExactly("currency");
        assertThat(json(request(APP, "/api/v1/deals/" + dealId, gina).get(), 200).get("stage")).isEqualTo("PROPOSAL");
        assertThat(json(request(APP, "/api/v1/quotes/" + quoteId, gina).get(), 200).get("status"))
                .isEqualTo("PRESENTED");
        Map<String, Object> before = json(request(APP, "/api/v1/statements/gina/2026-Q4", gina).get(), 200);
        assertThat((List<?>) before.get("lines")).isEmpty();

        json(request(APP, "/api/v1/plans/gina-plan", finance).put(Entity.entity(plan.formatted("EUR"),
                MediaType.valueOf("application/yaml"))), 200);
        json(request(APP, "/api/v1/deals/" + dealId + "/close-won", finance)
                .post(Entity.json(Map.of("closeDate", "2026-11-20"))), 200);

        Map<String, Object> after = json(request(APP, "/api/v1/statements/gina/2026-Q4", gina).get(), 200);
        assertThat(after.get("currency")).isEqualTo("EUR");
        assertThat((List<?>) after.get("lines")).isNotEmpty();
    }

    @Test
    void aSplitUserSeesTheDealAndItsQuoteButNotTheOwnersPay() {
        String admin = TestApp.token(APP, "admin");
        json(request(APP, "/api/v1/users", admin).post(Entity.json(Map.of("username", "hank", "name", "Hank",
                "role", "REP", "password", "demo", "manager", "manager"))), 201);
        String hank = TestApp.token(APP, "hank");
        Map<String, Object> deal = json(request(APP, "/api/v1/deals", frank).post(Entity.json(Map.of(
                "account", Map.of("name", "Shared Corp", "industry", "RETAIL"),
                "expectedCloseDate", "2026-12-10", "stage", "PROPOSAL",
                "splits", List.of(Map.of("username", "frank", "percent", 70),
                        Map.of("username", "hank", "percent", 30))))), 201);
        long dealId = ((Number) deal.get("id")).longValue();
        long quoteId = ((Number) json(request(APP, "/api/v1/quotes", frank).post(Entity.json(quote(dealId, 12))), 201)
                .get("id")).longValue();

        Map<String, Object> ownersView = json(request(APP, "/api/v1/quotes/" + quoteId, frank).get(), 200);
        Map<String, Object> splitView = json(request(APP, "/api/v1/quotes/" + quoteId, hank).get(), 200);
        List<Map<String, Object>> splitList = (List<Map<String, Object>>) (List<?>) jsonList(
                request(APP, "/api/v1/deals/" + dealId + "/quotes", hank).get());
        Map<String, Object> splitPreview = json(request(APP, "/api/v1/quotes/preview", hank)
                .post(Entity.json(quote(dealId, 12))), 200);

        assertThat(((Map<String, Object>) ownersView.get("priced")).get("estimate")).isNotNull();
        assertThat(((Map<String, Object>) splitView.get("priced")).get("totals")).isNotNull();
        assertThat(((Map<String, Object>) splitView.get("priced")).get("estimate")).isNull();
        assertThat(splitList).singleElement().satisfies(listed ->
                assertThat(((Map<String, Object>) listed.get("priced")).get("estimate")).isNull());
        assertThat(splitPreview.get("totals")).isNotNull();
        assertThat(splitPreview.get("estimate")).isNull();
    }

    private static List<Object> jsonList(Response response) {
        try (response) {
            String text = response.readEntity(String.class);
            assertThat(response.getStatus()).as(text).isEqualTo(200);
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(text, List.class);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Object> paths(Map<String, Object> error) {
        return ((List<Map<String, Object>>) error.get("details")).stream().map(detail -> detail.get("path")).toList();
    }

    private static long deal(String account, String expectedClose, String stage) {
        Map<String, Object> deal = json(request(APP, "/api/v1/deals", frank).post(Entity.json(Map.of(
                "account", Map.of("name", account, "industry", "RETAIL"),
                "expectedCloseDate", expectedClose, "stage", stage))), 201);
        return ((Number) deal.get("id")).longValue();
    }

    private static Map<String, Object> quote(long dealId, int termMonths) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dealId", dealId);
        body.put("customer", Map.of("name", "Acme Retail", "segment", "COMMERCIAL", "industry", "RETAIL",
                "country", "US", "locale", "en-US"));
        body.put("currency", "USD");
        body.put("priceBook", "Standard USD");
        body.put("termMonths", termMonths);
        body.put("startDate", "2026-11-01");
        body.put("lines", List.of(Map.of("sku", "CRM-STD", "quantity", 20, "discountPercent", 0),
                Map.of("sku", "HW-GATEWAY", "quantity", 2, "discountPercent", 0),
                Map.of("sku", "SVC-INSTALL", "quantity", 2, "discountPercent", 0)));
        return body;
    }

}
