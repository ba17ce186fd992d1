package dealdesk.commission;

import static dealdesk.testing.TestApp.status;
import static dealdesk.testing.TestApp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.DealdeskConfiguration;
import dealdesk.commission.engine.Fixtures;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The commission API end to end: the worked example over HTTP, access by role, and every bad input. */
@ExtendWith(DropwizardExtensionsSupport.class)
@SuppressWarnings("unchecked")
class CommissionApiTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();
    static final GenericType<Map<String, Object>> MAP = new GenericType<>() { };
    static final MediaType YAML = MediaType.valueOf("application/yaml");
    static final MediaType CSV = MediaType.valueOf("text/csv");
    static String admin;
    static String finance;
    static String manager;
    static String alice;
    static String carol;

    @BeforeAll
    static void setUp() {
        admin = TestApp.token(APP, "admin");
        finance = TestApp.token(APP, "finance");
        manager = TestApp.token(APP, "manager");
        alice = TestApp.token(APP, "alice");
        for (String user : List.of("carol", "dave", "erin")) {
            String managerOf = user.equals("carol") ? "\"manager\"" : "null";
            try (Response response = request(APP, "/api/v1/users", admin).post(Entity.json("{\"username\":\"" + user
                    + "\",\"name\":\"" + user + "\",\"role\":\"REP\",\"password\":\"demo\",\"manager\":" + managerOf + "}"))) {
                assertThat(response.getStatus()).isEqualTo(201);
            }
        }
        carol = TestApp.token(APP, "carol");
        for (String user : List.of("carol", "dave")) {
            // each on their own copy of the example plan, so one test's new version leaves the other alone
            String planId = user.equals("carol") ? "example" : "example-" + user;
            String plan = "effectiveFrom: 2026-01-01\n"
                    + Fixtures.resource("layered-plan.yaml").replace("id: ae-layered", "id: " + planId);
            assertThat(status(request(APP, "/api/v1/plans/" + planId, finance).put(Entity.entity(plan, YAML))))
                    .isEqualTo(200);
            assertThat(status(put("/api/v1/plans/" + planId + "/assignments/" + user, finance, "{\"from\":\"2026-10-01\"}")))
                    .isEqualTo(200);
            assertThat(status(put("/api/v1/quotas/" + user + "/2026-Q4", finance, "{\"amount\":200000}"))).isEqualTo(200);
        }
    }

    @Test
    void theWorkedExampleOverHttpMarginalThenRetroactive() {
        String csv = Fixtures.resource("layered-transactions.csv").replace("alice:100", "carol:100").replace(",T", ",C")
                .replace("\nT", "\nC");
        Map<String, Object> imported = ok(request(APP, "/api/v1/transactions", finance).post(Entity.entity(csv, CSV)));
        assertThat(imported.get("imported")).isEqualTo(4);

        Map<String, Object> statement = ok(request(APP, "/api/v1/statements/carol/2026-Q4", carol).get());
        Map<String, Object> totals = (Map<String, Object>) statement.get("totals");
        assertThat(new BigDecimal(totals.get("earned").toString())).isEqualByComparingTo("38540.00");
        assertThat(statement.get("attainment").toString()).startsWith("1.1");
        List<Map<String, Object>> lines = (List<Map<String, Object>>) statement.get("lines");
        assertThat(lines).allSatisfy(line -> assertThat(line).containsKeys("transactionId", "component", "band",
                "baseAmount", "rate", "amount", "trace"));
        List<Map<String, Object>> awards = (List<Map<String, Object>>) statement.get("awards");
        assertThat(awards).singleElement().satisfies(award -> assertThat(award.get("description")).isEqualTo("Trip to Hawaii"));

        String retro = "effectiveFrom: 2026-01-01\n" + Fixtures.resource("layered-plan.yaml")
                .replace("id: ae-layered", "id: example").replace("mode: MARGINAL", "mode: RETROACTIVE");
        Map<String, Object> stored = ok(request(APP, "/api/v1/plans/example", finance).put(Entity.entity(retro, YAML)));
        assertThat(stored.get("version")).isEqualTo(2);

        Map<String, Object> recomputed = ok(request(APP, "/api/v1/statements/carol/2026-Q4", finance).get());
        assertThat(new BigDecimal(((Map<String, Object>) recomputed.get("totals")).get("earned").toString()))
                .isEqualByComparingTo("54887.50");
        assertThat(recomputed.get("plan")).isEqualTo("example@v2");
    }

    @Test
    void anEstimateForT4BeforeItCloses() {
        String csv = Fixtures.resource("layered-transactions.csv").replace("alice:100", "dave:100").replace(",T", ",E")
                .replace("\nT", "\nE");
        String closed = csv.lines().filter(line -> !line.startsWith("E4")).reduce((a, b) -> a + "\n" + b).orElseThrow();
        ok(request(APP, "/api/v1/transactions", finance).post(Entity.entity(closed, CSV)));

        Map<String, Object> estimate = ok(post("/api/v1/estimates", finance, """
                {"username": "dave", "closeDate": "2026-12-22", "lines": [{"sku": "Y", "family": "CORE", "units": 10,
                 "amount": 100000, "industry": "HEALTHCARE", "dealType": "NEW"}]}
                """));

        assertThat(new BigDecimal(estimate.get("amount").toString())).isEqualByComparingTo("19965.00");
        assertThat(new BigDecimal(estimate.get("attainmentBefore").toString())).isEqualByComparingTo("0.6");
        assertThat(new BigDecimal(estimate.get("attainmentAfter").toString())).isEqualByComparingTo("1.1");
        assertThat((List<Object>) estimate.get("bandsEntered")).containsExactly("1+");
        assertThat((List<Map<String, Object>>) estimate.get("awards")).extracting(award -> award.get("spif"))
                .containsExactly("hawaii");
        // nothing was stored: the statement still has three transactions
        Map<String, Object> before = ok(request(APP, "/api/v1/statements/dave/2026-Q4", finance).get());
        assertThat(new BigDecimal(before.get("credited").toString())).isEqualByComparingTo("120000");

        // and once the deal closes, the statement moves by exactly the estimate
        String e4 = csv.lines().filter(line -> line.startsWith("id,") || line.startsWith("E4")).reduce((a, b) -> a + "\n" + b)
                .orElseThrow();
        ok(request(APP, "/api/v1/transactions", finance).post(Entity.entity(e4, CSV)));
        Map<String, Object> after = ok(request(APP, "/api/v1/statements/dave/2026-Q4", finance).get());
        assertThat(earned(after).subtract(earned(before))).isEqualByComparingTo(new BigDecimal(estimate.get("amount").toString()));
    }

    @Test
    void repsSeeOnlyTheirOwnMoneyManagersTheirTeamFinanceEveryone() {
        assertThat(status(request(APP, "/api/v1/statements/carol/2026-Q4", alice).get())).isEqualTo(403);
        assertThat(status(request(APP, "/api/v1/dashboard/carol?period=2026-Q4", alice).get())).isEqualTo(403);
        assertThat(status(post("/api/v1/estimates", alice, "{\"username\":\"carol\",\"closeDate\":\"2026-12-01\","
                + "\"lines\":[{\"amount\":1}]}"))).isEqualTo(403);
        assertThat(status(request(APP, "/api/v1/statements/carol/2026-Q4", manager).get())).isEqualTo(200);
        assertThat(status(request(APP, "/api/v1/statements/dave/2026-Q4", manager).get())).isEqualTo(403);
        assertThat(status(request(APP, "/api/v1/statements/dave/2026-Q4", admin).get())).isEqualTo(200);
        assertThat(status(request(APP, "/api/v1/statements/alice/2026-Q4", alice).get())).isEqualTo(200);
        assertThat(status(request(APP, "/api/v1/statements/alice/2026-Q4", null).get())).isEqualTo(401);
        assertThat(status(request(APP, "/api/v1/plans/example", carol).put(Entity.entity("id: example", YAML))))
                .isEqualTo(403);
        assertThat(status(post("/api/v1/transactions", carol, "[]"))).isEqualTo(403);
        assertThat(status(put("/api/v1/quotas/carol/2026-Q4", carol, "{\"amount\":1}"))).isEqualTo(403);
    }

    @Test
    void theDemoDashboardShowsQuotaBandSpifProgressAndThePipeline() {
        Map<String, Object> dashboard = ok(request(APP, "/api/v1/dashboard/alice?period=2026-Q4", alice).get());

        // the demo bookings plus the ACV of the demo deals won (Globex, Initech, 30% of Stark Retail)
        assertThat(new BigDecimal(dashboard.get("quota").toString())).isEqualByComparingTo("450000");
        assertThat(new BigDecimal(dashboard.get("credited").toString())).isEqualByComparingTo("388049");
        assertThat(dashboard).containsKeys("attainment", "earned", "paid", "tiers", "pipeline", "gapToQuota");
        Map<String, Object> tiers = (Map<String, Object>) dashboard.get("tiers");
        assertThat(tiers.get("band")).isEqualTo("0-1");
        assertThat(tiers.get("toNextBand").toString()).isEqualTo("61951");
        List<Map<String, Object>> spifs = (List<Map<String, Object>>) tiers.get("spifs");
        assertThat(spifs).anySatisfy(spif -> {
            assertThat(spif.get("spif")).isEqualTo("hawaii");
            assertThat(new BigDecimal(spif.get("progress").toString())).isEqualByComparingTo("4.2");
            assertThat(new BigDecimal(spif.get("threshold").toString())).isEqualByComparingTo("10");
        });
        assertThat(new BigDecimal(dashboard.get("gapToQuota").toString())).isEqualByComparingTo("61951");
        Map<String, Object> pipeline = (Map<String, Object>) dashboard.get("pipeline");
        assertThat((List<Map<String, Object>>) pipeline.get("deals")).singleElement().satisfies(deal -> {
            assertThat(deal.get("name")).isEqualTo("Umbrella Health");
            assertThat(deal.get("stage")).isEqualTo("NEGOTIATION");
            assertThat(new BigDecimal(deal.get("commission").toString())).isPositive();
        });
        assertThat(new BigDecimal(dashboard.get("pipelineCoverage").toString())).isGreaterThan(BigDecimal.ONE);
    }

    // ---- bad input: 4xx with the path, nothing stored -------------------------------------------

    @Test
    void anInvalidPlanIsRejectedWithPathsAndNotStored() {
        String overlapping = Fixtures.resource("layered-plan.yaml").replace("id: ae-layered", "id: broken")
                .replace("{ from: 1.0, multiplier: 1.5 }", "{ from: 0.8, multiplier: 1.5 }")
                .replace("type: PER_UNIT", "type: PER_HUG").replace("baseRate: 0.15", "baseRate: 1.15");

        Map<String, Object> error = error(request(APP, "/api/v1/plans/broken", finance).put(Entity.entity(overlapping, YAML)), 422);

        assertThat(paths(error)).containsExactlyInAnyOrder("baseRate", "tiers.bands[1].from", "spifs[0].award.type");
        assertThat(status(request(APP, "/api/v1/plans/broken", finance).get())).isEqualTo(404);
        try (Response versions = request(APP, "/api/v1/plans/example-dave", finance).get()) {
            List<Map<String, Object>> list = versions.readEntity(new GenericType<List<Map<String, Object>>>() { });
            assertThat(list).singleElement().satisfies(version -> {
                assertThat(version.get("version")).isEqualTo(1);
                assertThat(version.get("effectiveFrom")).isEqualTo("2026-01-01");
                assertThat(((Map<String, Object>) version.get("plan")).get("currency")).isEqualTo("USD");
            });
        }
        assertThat(paths(error(request(APP, "/api/v1/plans/other", finance)
                .put(Entity.entity("id: notother\nperiod: QUARTER\ncurrency: USD\ncreditBasis: AMOUNT\nbaseRate: 0.1", YAML)), 422)))
                .containsExactly("id");
        assertThat(paths(error(request(APP, "/api/v1/plans/json", finance)
                .put(Entity.entity("{\"id\": \"json\", \"period\": \"WEEK\"", MediaType.APPLICATION_JSON)), 422)))
                .containsExactly("plan");
    }

    @Test
    void badAssignmentsAndQuotasNameTheField() {
        assertThat(paths(error(put("/api/v1/plans/example/assignments/carol", finance, "{\"from\":\"tomorrow\"}"), 422)))
                .containsExactly("from");
        assertThat(paths(error(put("/api/v1/plans/example/assignments/carol", finance, "{}"), 422)))
                .containsExactly("from");
        assertThat(paths(error(put("/api/v1/plans/example/assignments/carol", finance,
                "{\"from\":\"2026\\u00001001\"}"), 422))).containsExactly("from");
        assertThat(paths(error(put("/api/v1/plans/example/assignments/carol", finance,
                "{\"from\":\"10/01/2026\",\"to\":\"soon\"}"), 422))).containsExactly("from", "to");
        assertThat(paths(error(put("/api/v1/quotas/carol/2026-Q4", finance, "{}"), 422))).containsExactly("amount");
        assertThat(paths(error(put("/api/v1/plans/example/assignments/carol", finance,
                "{\"from\":\"2026-10-01\",\"to\":\"2026-09-01\"}"), 422))).containsExactly("to");
        error(put("/api/v1/plans/nope/assignments/carol", finance, "{\"from\":\"2026-10-01\"}"), 404);
        error(put("/api/v1/plans/example/assignments/nobody", finance, "{\"from\":\"2026-10-01\"}"), 404);
        assertThat(paths(error(put("/api/v1/plans/example/assignments/carol", finance, "{\"form\":\"2026-10-01\"}"), 400)))
                .containsExactly("form");
        assertThat(paths(error(put("/api/v1/quotas/carol/2026-Q4", finance, "{\"amount\":-5}"), 422))).containsExactly("amount");
        assertThat(paths(error(put("/api/v1/quotas/carol/2026-Q9", finance, "{\"amount\":5}"), 422))).containsExactly("period");
        assertThat(paths(error(put("/api/v1/quotas/carol/2026-Q4", finance, "{\"amount\":\"lots\"}"), 400)))
                .containsExactly("amount");
        Map<String, Object> statement = ok(request(APP, "/api/v1/statements/carol/2026-Q4", finance).get());
        assertThat(new BigDecimal(statement.get("quota").toString())).isEqualByComparingTo("200000");
    }

    @Test
    void badTransactionsAreRejectedAllOrNothing() {
        Map<String, Object> error = error(post("/api/v1/transactions", finance, """
                [{"id": "OK1", "closeDate": "2026-11-02", "amount": 1000, "currency": "USD",
                  "splits": [{"username": "erin", "percent": 100}]},
                 {"id": "B1", "closeDate": "2026-11-02", "amount": 1000, "currency": "USD",
                  "splits": [{"username": "erin", "percent": 70}, {"username": "ghost", "percent": 20}]},
                 {"id": "B2", "closeDate": "2026-11-02", "amount": 1000, "currency": "EUR",
                  "splits": [{"username": "carol", "percent": 100}]},
                 {"id": "B3", "closeDate": "02/11/2026", "amount": -1, "currency": "USD",
                  "splits": [{"username": "erin", "percent": 100}]}]
                """), 422);

        assertThat(paths(error)).containsExactlyInAnyOrder("[1].splits", "[3].closeDate", "[3].amount",
                "[1].splits[1].username", "[2].currency");
        assertThat(paths(error(request(APP, "/api/v1/transactions", finance).post(Entity.entity(
                "id,closeDate,amount,currency,splits\nX1,2026-11-02,12x,USD,erin:100\n", CSV)), 422)))
                .containsExactly("rows[0].amount");
        assertThat(paths(error(request(APP, "/api/v1/transactions", finance).post(Entity.entity(
                "id,closeDate,amount,currency,splits\nX1,2026-11-02,12,USD,erin=100\n", CSV)), 422)))
                .containsExactly("rows[0].splits");
        assertThat(paths(error(post("/api/v1/transactions", finance, "[{\"id\": \"X\", \"amount\": 1, \"colour\": 2}]"), 400)))
                .containsExactly("[0].colour");
        error(post("/api/v1/transactions", finance, "[{"), 400);
        // erin has no plan, so her statement does not exist; but nothing of OK1 was stored either
        assertThat(status(post("/api/v1/transactions", finance, "[{\"id\": \"OK1\", \"closeDate\": \"2026-11-02\","
                + " \"amount\": 1, \"currency\": \"USD\", \"splits\": [{\"username\": \"erin\", \"percent\": 100}]}]")))
                .isEqualTo(200);
    }

    @Test
    void badStatementEstimateAndDashboardRequestsNameTheField() {
        assertThat(paths(error(request(APP, "/api/v1/statements/carol/Q4-2026", finance).get(), 422)))
                .containsExactly("period");
        assertThat(paths(error(request(APP, "/api/v1/statements/carol/2026-11", finance).get(), 422)))
                .containsExactly("period");
        error(request(APP, "/api/v1/statements/erin/2026-Q4", finance).get(), 404);
        error(request(APP, "/api/v1/statements/nobody/2026-Q4", finance).get(), 404);
        assertThat(paths(error(post("/api/v1/estimates", finance, "{\"username\":\"carol\",\"closeDate\":\"2026-12-01\"}"), 422)))
                .containsExactly("lines");
        assertThat(paths(error(post("/api/v1/estimates", finance, "{\"username\":\"carol\",\"closeDate\":\"soon\","
                + "\"lines\":[{\"amount\":-1}]}"), 422))).containsExactly("closeDate", "lines[0].amount");
        assertThat(paths(error(post("/api/v1/estimates", finance, "{\"username\":\"carol\",\"closeDate\":\"2025-01-01\","
                + "\"lines\":[{\"amount\":1}]}"), 422))).containsExactly("closeDate");
        assertThat(paths(error(request(APP, "/api/v1/dashboard/carol?period=someday", finance).get(), 422)))
                .containsExactly("period");
    }

    @Test
    void absurdOrNegativeNumbersAreRefusedBeforeTheyCostWork() {
        assertThat(paths(error(post("/api/v1/estimates", finance, "{\"username\":\"carol\",\"closeDate\":\"2026-12-01\","
                + "\"lines\":[{\"amount\":1000,\"acv\":1e100000,\"units\":-3},{\"amount\":1e400,\"tcv\":-1}]}"), 422)))
                .containsExactly("lines[0].units", "lines[0].acv", "lines[1].amount", "lines[1].tcv");
        assertThat(paths(error(put("/api/v1/quotas/carol/2026-Q4", finance, "{\"amount\":1e-400}"), 422)))
                .containsExactly("amount");
        assertThat(paths(error(put("/api/v1/quotas/carol/2026-Q4", finance, "{\"amount\":1e12}"), 422)))
                .containsExactly("amount");
        assertThat(paths(error(post("/api/v1/transactions", finance, """
                [{"id": "U1", "closeDate": "2026-11-02", "amount": 1000, "units": 1e400, "currency": "USD",
                  "splits": [{"username": "carol", "percent": 100}]},
                 {"id": "U2", "closeDate": "2026-11-02", "amount": 0.0000001, "currency": "USD",
                  "splits": [{"username": "carol", "percent": 33.33333}, {"username": "erin", "percent": 66.66667}]}]
                """), 422))).containsExactlyInAnyOrder("[0].units", "[1].amount", "[1].splits[0].percent",
                "[1].splits[1].percent");
        assertThat(paths(error(request(APP, "/api/v1/plans/absurd", finance).put(Entity.entity("""
                id: absurd
                period: QUARTER
                currency: USD
                creditBasis: AMOUNT
                targetIncentive: 1e100000
                cap: { amount: 1e13 }
                tiers:
                  basis: AMOUNT
                  mode: MARGINAL
                  bands:
                    - { from: true, to: 1000, rate: 0.1 }
                    - { from: 1000, rate: 0.2 }
                """, YAML)), 422))).contains("targetIncentive", "cap.amount", "tiers.bands[0].from");
        Map<String, Object> statement = ok(request(APP, "/api/v1/statements/carol/2026-Q4", finance).get());
        assertThat(new BigDecimal(statement.get("quota").toString())).isEqualByComparingTo("200000");
    }

    private static Map<String, Object> ok(Response response) {
        try (response) {
            if (response.getStatus() != 200) {
                throw new AssertionError("expected 200, got " + response.getStatus() + ": " + response.readEntity(String.class));
            }
            return response.readEntity(MAP);
        }
    }

    private static Map<String, Object> error(Response response, int status) {
        try (response) {
            String body = response.readEntity(String.class);
            assertThat(response.getStatus()).as(body).isEqualTo(status);
            assertThat(body).contains("\"code\"").contains("\"details\"");
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(body, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static BigDecimal earned(Map<String, Object> statement) {
        return new BigDecimal(((Map<String, Object>) statement.get("totals")).get("earned").toString());
    }

    private static List<Object> paths(Map<String, Object> error) {
        return ((List<Map<String, Object>>) error.get("details")).stream().map(detail -> detail.get("path")).toList();
    }

    private static Response post(String path, String token, String json) {
        return request(APP, path, token).post(Entity.entity(json, MediaType.APPLICATION_JSON));
    }

    private static Response put(String path, String token, String json) {
        return request(APP, path, token).put(Entity.entity(json, MediaType.APPLICATION_JSON));
    }
}
