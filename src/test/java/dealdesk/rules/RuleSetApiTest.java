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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Rule sets over HTTP: upload (sandboxed, compiled), list, activate without a restart, roll back. */
@ExtendWith(DropwizardExtensionsSupport.class)
class RuleSetApiTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();
    static String admin;
    static String finance;
    static String alice;

    static final String TEN_PERCENT_OFF = """

            rule "Rule set test: ten percent off everything"
                ruleflow-group "promotion"
            when
                $line : PricedLine( )
            then
                modify( $line ) { applyPercent( Stage.PROMOTION, "rule set test", new java.math.BigDecimal( "10" ) ) }
            end
            """;

    @BeforeAll
    static void signIn() {
        admin = TestApp.token(APP, "admin");
        finance = TestApp.token(APP, "finance");
        alice = TestApp.token(APP, "alice");
    }

    /** Uploads compile rules and simulations recompute a quarter: give them time on a busy machine. */
    static Response post(String path, String token, Object body) {
        return TestApp.request(APP, path, token).property(ClientProperties.READ_TIMEOUT, 120_000)
                .post(Entity.json(body));
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> details(Response response, int status) {
        return (List<Map<String, Object>>) json(response, status).get("details");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theFilesUnderRulesAreTheFirstVersionOfEachBaseActiveFromTheStartOfTime() {
        for (String base : List.of("commission", "pricing")) {
            List<Map<String, Object>> versions = TestApp.request(APP, "/api/v1/rulesets?base=" + base, finance)
                    .get(List.class);
            Map<String, Object> first = json(TestApp.request(APP, "/api/v1/rulesets/" + versions.get(0).get("id"),
                    finance).get(), 200);

            assertThat(first).containsEntry("base", base).containsEntry("createdBy", "system");
            assertThat((String) first.get("drl")).contains("package dealdesk." + (base.equals("commission")
                    ? "commission.rules" : "pricing"));
            List<Map<String, Object>> audit = TestApp.request(APP, "/api/v1/audit?entity=rule_set&entityId="
                    + first.get("id"), finance).get(List.class);
            assertThat(audit).last().satisfies(entry -> assertThat(entry.get("after").toString())
                    .contains("activeFrom=1900-01-01"));
        }
    }

    @Test
    void aRuleCallingSystemExitIsRefusedNamingTheLineAndNothingIsStored() {
        int before = TestApp.request(APP, "/api/v1/rulesets?base=pricing", admin).get(List.class).size();
        String drl = "package dealdesk.pricing;\n\nrule \"bye\"\nwhen\n    PricedLine()\nthen\n    System.exit(0);\nend\n";

        List<Map<String, Object>> details = details(post("/api/v1/rulesets", admin,
                Map.of("base", "pricing", "drl", drl, "note", "hostile")), 422);

        assertThat(details).anySatisfy(detail -> assertThat(detail).containsEntry("path", "drl")
                .satisfies(d -> assertThat((String) d.get("message")).startsWith("line 7, column 5:").contains("System")));
        assertThat(TestApp.request(APP, "/api/v1/rulesets?base=pricing", admin).get(List.class)).hasSize(before);
    }

    @Test
    void aRuleThatDoesNotCompileIsRefusedWithTheCompilersLineAndColumn() {
        String drl = "package dealdesk.pricing;\n\nrule \"typo\"\nwhen\n    PricedLine( quantitty > 1 )\nthen\nend\n";

        List<Map<String, Object>> details = details(post("/api/v1/rulesets", admin,
                Map.of("base", "pricing", "drl", drl)), 422);

        assertThat(details).isNotEmpty().allSatisfy(detail -> assertThat((String) detail.get("message"))
                .matches("line \\d+, column \\d+: .*"));
        assertThat(details.get(0).get("message").toString()).startsWith("line 5,");
    }

    @Test
    void badRequestsAreNamed() {
        assertThat(details(post("/api/v1/rulesets", admin, Map.of("base", "shipping", "drl", "x")), 422))
                .extracting(d -> d.get("path")).containsExactly("base");
        assertThat(details(post("/api/v1/rulesets", admin, Map.of("base", "pricing")), 422))
                .extracting(d -> d.get("path")).containsExactly("drl");
        assertThat(details(post("/api/v1/rulesets/1/activate", admin, Map.of("from", "next week")), 422))
                .extracting(d -> d.get("path")).containsExactly("from");
        assertThat(details(TestApp.request(APP, "/api/v1/rulesets/active", admin).get(), 422))
                .extracting(d -> d.get("path")).containsExactly("base");
        assertThat(status(post("/api/v1/rulesets/999999/activate", admin, Map.of("from", "2027-01-01")))).isEqualTo(404);
        assertThat(status(post("/api/v1/rulesets", alice, Map.of("base", "pricing", "drl", "x")))).isEqualTo(403);
        assertThat(status(post("/api/v1/rulesets", finance, Map.of("base", "pricing", "drl", "x")))).isEqualTo(403);
        assertThat(status(TestApp.request(APP, "/api/v1/rulesets?base=pricing", alice).get())).isEqualTo(403);
    }

    @Test
    @SuppressWarnings("unchecked")
    void anActivatedPricingRuleSetPricesTheNextPreviewAndActivatingVersionOneRollsBack() {
        Map<String, Object> first = json(TestApp.request(APP, "/api/v1/rulesets/active?base=pricing", admin).get(), 200);
        String today = LocalDate.now(ZoneOffset.UTC).toString();

        Map<String, Object> draft = json(post("/api/v1/rulesets", admin, Map.of("base", "pricing",
                "drl", first.get("drl") + TEN_PERCENT_OFF, "note", "ten percent off for the test")), 201);
        assertThat(draft).containsEntry("status", "DRAFT").containsEntry("base", "pricing");
        assertThat(promotionRules()).doesNotContain("rule set test");

        Map<String, Object> activated = json(post("/api/v1/rulesets/" + draft.get("id") + "/activate", admin,
                Map.of("from", today)), 200);
        assertThat(activated).containsEntry("status", "ACTIVE").containsEntry("activeFrom", today);
        assertThat(promotionRules()).contains("rule set test");
        assertThat(json(TestApp.request(APP, "/api/v1/rulesets/active?base=pricing", admin).get(), 200))
                .containsEntry("id", draft.get("id"));

        json(post("/api/v1/rulesets/" + first.get("id") + "/activate", admin, Map.of("from", today)), 200);
        assertThat(promotionRules()).doesNotContain("rule set test");
        List<Map<String, Object>> versions = TestApp.request(APP, "/api/v1/rulesets?base=pricing", admin).get(List.class);
        assertThat(versions).filteredOn(v -> v.get("id").equals(draft.get("id")))
                .singleElement().satisfies(v -> assertThat(v).containsEntry("status", "RETIRED"));

        List<Map<String, Object>> audit = TestApp.request(APP, "/api/v1/audit?entity=rule_set&entityId=" + draft.get("id"),
                admin).get(List.class);
        assertThat(audit).extracting(entry -> entry.get("action"))
                .containsExactly("ACTIVATE_RULE_SET", "CREATE_RULE_SET");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDraftCommissionRuleSetIsSimulatedPerRepThenActivatedFromTheNextOpenPeriod() {
        String drl = (String) json(TestApp.request(APP, "/api/v1/rulesets/active?base=commission", admin).get(), 200)
                .get("drl");
        String doubled = drl.replace("insert(new RateDecision($credit, $base.rate(), ",
                "insert(new RateDecision($credit, $base.rate().multiply(new java.math.BigDecimal(\"2\")), ");
        assertThat(doubled).isNotEqualTo(drl);
        Map<String, Object> draft = json(post("/api/v1/rulesets", admin, Map.of("base", "commission", "drl", doubled,
                "note", "double the base rate")), 201);
        String path = "/api/v1/rulesets/" + draft.get("id");
        BigDecimal aliceNow = earned("alice", "2026-Q4");

        Map<String, Object> simulation = json(post(path + "/simulate", finance, Map.of("period", "2026-Q4")), 200);

        List<Map<String, Object>> users = (List<Map<String, Object>>) simulation.get("users");
        assertThat(users).extracting(u -> u.get("username")).containsExactly("alice", "bob");
        assertThat(new BigDecimal(users.get(0).get("current").toString())).isEqualByComparingTo(aliceNow);
        BigDecimal aliceSimulated = new BigDecimal(users.get(0).get("simulated").toString());
        assertThat(aliceSimulated).isGreaterThan(aliceNow);
        assertThat(earned("alice", "2026-Q4")).isEqualByComparingTo(aliceNow);
        assertThat(details(post(path + "/simulate", finance, Map.of("period", "Q4")), 422))
                .extracting(d -> d.get("path")).containsExactly("period");
        assertThat(status(post(path + "/simulate", alice, Map.of("period", "2026-Q4")))).isEqualTo(403);

        json(TestApp.request(APP, "/api/v1/periods/2026-Q3/close", finance).post(Entity.json(Map.of())), 200);
        BigDecimal aliceQ3 = earned("alice", "2026-Q3");
        assertThat(json(post(path + "/activate", admin, Map.of("from", "2026-09-30")), 409).get("details").toString())
                .contains("from");

        json(post(path + "/activate", admin, Map.of("from", "2026-10-01")), 200);

        assertThat(earned("alice", "2026-Q4")).isEqualByComparingTo(aliceSimulated);
        assertThat(earned("alice", "2026-Q3")).isEqualByComparingTo(aliceQ3);
        List<Map<String, Object>> audit = TestApp.request(APP, "/api/v1/audit?entity=rule_set&entityId=" + draft.get("id"),
                admin).get(List.class);
        assertThat(audit).extracting(entry -> entry.get("action"))
                .containsExactly("ACTIVATE_RULE_SET", "SIMULATE_RULE_SET", "CREATE_RULE_SET");
    }

    static BigDecimal earned(String username, String period) {
        Map<String, Object> statement = json(TestApp.request(APP, "/api/v1/statements/" + username + "/" + period,
                finance).get(), 200);
        return new BigDecimal(((Map<String, Object>) statement.get("totals")).get("earned").toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void pricingDataCarriesItsVersionAndAStalePutIsAConflict() {
        Map<String, Object> data = json(TestApp.request(APP, "/api/v1/pricing/data", admin).get(), 200);
        long version = ((Number) data.get("version")).longValue();

        Map<String, Object> saved = json(TestApp.request(APP, "/api/v1/pricing/data", admin).put(Entity.json(data)), 200);
        assertThat(((Number) saved.get("version")).longValue()).isEqualTo(version + 1);

        Map<String, Object> stale = json(TestApp.request(APP, "/api/v1/pricing/data", admin).put(Entity.json(data)), 409);
        assertThat(stale.get("code")).isEqualTo("STALE_VERSION");
        Map<String, Object> unversioned = new java.util.LinkedHashMap<>(data);
        unversioned.remove("version");
        assertThat(details(TestApp.request(APP, "/api/v1/pricing/data", admin).put(Entity.json(unversioned)), 422))
                .extracting(d -> d.get("path")).containsExactly("version");

        List<Map<String, Object>> versions = TestApp.request(APP, "/api/v1/pricing/data/versions", finance).get(List.class);
        assertThat(versions.get(0)).containsEntry("version", (int) version + 1).containsEntry("changedBy", "admin")
                .containsEntry("changes", List.of("no change"));
    }

    /** The rule names of the PROMOTION adjustments on a one-line preview. */
    @SuppressWarnings("unchecked")
    private static List<Object> promotionRules() {
        Map<String, Object> quote = Map.of(
                "customer", Map.of("name", "Acme Corp", "segment", "COMMERCIAL", "industry", "RETAIL", "country", "US",
                        "locale", "en-US"),
                "currency", "USD", "priceBook", "Standard USD", "termMonths", 12, "startDate", "2026-11-01",
                "lines", List.of(Map.of("sku", "CRM-PRO", "quantity", 1, "discountPercent", 0)));
        Map<String, Object> priced = json(post("/api/v1/quotes/preview", alice, quote), 200);
        List<Map<String, Object>> adjustments = (List<Map<String, Object>>)
                ((List<Map<String, Object>>) priced.get("lines")).get(0).get("adjustments");
        return adjustments.stream().map(a -> a.get("rule")).toList();
    }
}
