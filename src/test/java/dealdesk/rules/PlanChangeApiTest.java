package dealdesk.rules;

import static dealdesk.testing.TestApp.json;
import static dealdesk.testing.TestApp.status;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import org.glassfish.jersey.client.ClientProperties;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Changing the plan safely, over HTTP with the demo plan ae-layered (alice and bob, 2026). */
@ExtendWith(DropwizardExtensionsSupport.class)
class PlanChangeApiTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();
    static String finance;
    static String admin;
    static String alice;

    /** The demo plan, with the base rate as a placeholder. */
    static String plan(String extra, String baseRate) {
        return extra + """
                id: ae-layered
                period: QUARTER
                currency: USD
                creditBasis: ACV
                baseRate: %s
                productRates:
                  - { match: { sku: AN-AI }, rate: 0.20 }
                  - { match: { family: LEGACY }, rate: 0.05 }
                multipliers:
                  - { match: { industry: HEALTHCARE }, factor: 1.10 }
                timing:
                  - { window: LAST_DAYS, days: 14, factor: 1.10 }
                  - { window: FIRST_DAYS, days: 21, factor: 1.05 }
                tiers:
                  basis: ATTAINMENT
                  mode: MARGINAL
                  bands:
                    - { from: 0.0, to: 1.0, multiplier: 1.0 }
                    - { from: 1.0, multiplier: 1.5 }
                spifs:
                  - { id: push-ai, from: 2026-10-01, to: 2026-12-31, match: { sku: AN-AI },
                      award: { type: PER_UNIT, amount: 100 } }
                  - { id: hawaii, from: 2026-10-01, to: 2026-12-31, match: { sku: HW-KIOSK },
                      threshold: { units: 10 },
                      award: { type: NON_CASH, description: Trip to Hawaii, value: 5000 } }
                clawback: { windowDays: 90 }
                """.formatted(baseRate);
    }

    @BeforeAll
    static void signIn() {
        finance = TestApp.token(APP, "finance");
        admin = TestApp.token(APP, "admin");
        alice = TestApp.token(APP, "alice");
    }

    static Response yaml(String method, String path, String token, String document) {
        // simulations recompute a quarter twice: give them time on a busy machine
        return TestApp.request(APP, path, token).property(ClientProperties.READ_TIMEOUT, 120_000)
                .method(method, Entity.entity(document, "application/yaml"));
    }

    static BigDecimal earned(String username, String period) {
        Map<String, Object> statement = json(TestApp.request(APP, "/api/v1/statements/" + username + "/" + period,
                finance).get(), 200);
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) statement.get("totals");
        return new BigDecimal(totals.get("earned").toString());
    }

    static BigDecimal number(Object value) {
        return new BigDecimal(value.toString());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> details(Response response, int status) {
        return (List<Map<String, Object>>) json(response, status).get("details");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDraftWithAHigherBaseRateShowsEachRepsDifferenceAndTheTotalAndStoresNothing() {
        BigDecimal aliceBefore = earned("alice", "2026-Q4");
        int versions = TestApp.request(APP, "/api/v1/plans/ae-layered/versions", finance).get(List.class).size();

        Map<String, Object> simulation = json(yaml("POST", "/api/v1/plans/ae-layered/simulate?period=2026-Q4", finance,
                plan("", "0.30")), 200);

        assertThat(simulation.get("period")).isEqualTo("2026-Q4");
        List<Map<String, Object>> users = (List<Map<String, Object>>) simulation.get("users");
        assertThat(users).extracting(u -> u.get("username")).containsExactly("alice", "bob");
        Map<String, Object> aliceRow = users.get(0);
        assertThat(number(aliceRow.get("current"))).isEqualByComparingTo(aliceBefore);
        assertThat(number(aliceRow.get("simulated"))).isGreaterThan(aliceBefore);
        assertThat(number(aliceRow.get("difference")))
                .isEqualByComparingTo(number(aliceRow.get("simulated")).subtract(aliceBefore));
        Map<String, Object> total = (Map<String, Object>) simulation.get("total");
        BigDecimal sum = users.stream().map(u -> number(u.get("difference"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(number(total.get("difference"))).isEqualByComparingTo(sum);
        // nothing stored: the statement and the versions are as they were; the run is in the audit log
        assertThat(earned("alice", "2026-Q4")).isEqualByComparingTo(aliceBefore);
        assertThat(TestApp.request(APP, "/api/v1/plans/ae-layered/versions", finance).get(List.class)).hasSize(versions);
        List<Map<String, Object>> audit = TestApp.request(APP, "/api/v1/audit?entity=commission_plan&entityId=ae-layered",
                finance).get(List.class);
        assertThat(audit).extracting(entry -> entry.get("action")).contains("SIMULATE_PLAN");
    }

    @Test
    void aBadDraftIsNamedByPathAndOnlyFinanceAndAdminsMaySimulate() {
        assertThat(details(yaml("POST", "/api/v1/plans/ae-layered/simulate?period=2026-Q4", finance,
                plan("", "2.5")), 422)).extracting(d -> d.get("path")).contains("baseRate");
        assertThat(details(yaml("POST", "/api/v1/plans/ae-layered/simulate?period=2026-11", finance,
                plan("", "0.2")), 422)).extracting(d -> d.get("path")).containsExactly("period");
        assertThat(details(yaml("POST", "/api/v1/plans/ae-layered/simulate", finance, plan("", "0.2")), 422))
                .extracting(d -> d.get("path")).containsExactly("period");
        assertThat(status(yaml("POST", "/api/v1/plans/nope/simulate?period=2026-Q4", finance,
                plan("", "0.2").replace("id: ae-layered", "id: nope")))).isEqualTo(404);
        assertThat(status(yaml("POST", "/api/v1/plans/ae-layered/simulate?period=2026-Q4", alice, plan("", "0.2"))))
                .isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theListShowsEachPlansNewestVersionAndItsUsers() {
        List<Map<String, Object>> plans = TestApp.request(APP, "/api/v1/plans", finance).get(List.class);

        assertThat(plans).filteredOn(p -> p.get("id").equals("ae-layered")).singleElement().satisfies(p ->
                assertThat(p).containsKeys("version", "effectiveFrom").containsEntry("usersAssigned", 2));
        assertThat(status(TestApp.request(APP, "/api/v1/plans", alice).get())).isEqualTo(403);
        assertThat(status(TestApp.request(APP, "/api/v1/plans/nope/versions", finance).get())).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRateTablePlanNeedsNoBaseRateAndItsFirstVersionAppliesFromTheStartOfTime() {
        String table = """
                id: rate-table
                period: QUARTER
                currency: USD
                creditBasis: AMOUNT
                tiers:
                  basis: AMOUNT
                  mode: MARGINAL
                  bands:
                    - { from: 0, to: 100000, rate: 0.05 }
                    - { from: 100000, rate: 0.08 }
                """;

        Map<String, Object> stored = json(yaml("PUT", "/api/v1/plans/rate-table", admin, table), 200);

        assertThat(stored).containsEntry("version", 1).containsEntry("effectiveFrom", "1900-01-01");
        // a second version must say from when
        assertThat(details(yaml("PUT", "/api/v1/plans/rate-table", admin, table), 422))
                .extracting(d -> d.get("path")).containsExactly("effectiveFrom");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNewVersionListsTheOpenStatementsItChangesAndMayNotStartInAClosedPeriod() {
        json(TestApp.request(APP, "/api/v1/periods/2026-Q3/close", finance).post(Entity.json(Map.of())), 200);
        BigDecimal aliceBefore = earned("alice", "2026-Q4");

        assertThat(json(yaml("PUT", "/api/v1/plans/ae-layered", finance, plan("effectiveFrom: 2026-09-01\n", "0.16")),
                409).get("details").toString()).contains("effectiveFrom");

        Map<String, Object> stored = json(yaml("PUT", "/api/v1/plans/ae-layered", finance,
                plan("effectiveFrom: 2026-10-01\n", "0.16")), 200);

        List<Map<String, Object>> changes = (List<Map<String, Object>>) stored.get("changes");
        assertThat(changes).extracting(c -> c.get("username") + " " + c.get("period"))
                .contains("alice 2026-Q4", "bob 2026-Q4");
        Map<String, Object> aliceChange = changes.stream().filter(c -> c.get("username").equals("alice")).findFirst()
                .orElseThrow();
        assertThat(number(aliceChange.get("before"))).isEqualByComparingTo(aliceBefore);
        assertThat(number(aliceChange.get("after"))).isEqualByComparingTo(earned("alice", "2026-Q4"));
        assertThat(number(aliceChange.get("difference"))).isPositive();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRepReadsTheirPlanInPlainWords() {
        Map<String, Object> mine = json(TestApp.request(APP, "/api/v1/plans/mine", alice).get(), 200);

        assertThat(mine).containsEntry("plan", "ae-layered").containsEntry("currency", "USD");
        assertThat((List<String>) mine.get("summary")).anySatisfy(line -> assertThat(line).contains("on product AN-AI"))
                .anySatisfy(line -> assertThat(line).contains("cancelled within 90 days"));
        Map<String, Object> tiers = (Map<String, Object>) mine.get("tiers");
        List<Map<String, Object>> bands = (List<Map<String, Object>>) tiers.get("bands");
        assertThat(bands).hasSize(2);
        assertThat(bands.get(1)).containsEntry("reached", false);
        // above quota starts at 100% of the quota: what is still to sell is the quota less what is credited
        BigDecimal quota = number(mine.get("quota"));
        BigDecimal credited = number(mine.get("credited"));
        assertThat(number(bands.get(1).get("amountToReach"))).isEqualByComparingTo(quota.subtract(credited));
        assertThat(status(TestApp.request(APP, "/api/v1/plans/mine?username=bob", alice).get())).isEqualTo(403);
    }
}
