package dealdesk.pipeline;

import static dealdesk.testing.TestApp.json;
import static dealdesk.testing.TestApp.request;
import static dealdesk.testing.TestApp.status;
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

/**
 * The pipeline API over HTTP on the demo data: who may see and plan what,
 * every bad input a 4xx naming its field, flags on deals, and the CRM import
 * (all rows or none, matched on externalId). Deals made here close far in the
 * future, so no assertion depends on today's date.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@SuppressWarnings("unchecked")
class PipelineApiTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();
    static final MediaType CSV = MediaType.valueOf("text/csv");
    static final String HEADER = "externalId,account,industry,owner,stage,expectedCloseDate,expectedAmount,currency,"
            + "type,nextStep,problem,rootCause,budgetConfirmed,decisionMakerEngaged,compellingEvent\n";
    static String alice;
    static String bob;
    static String manager;
    static String finance;
    static String admin;

    @BeforeAll
    static void signIn() {
        alice = TestApp.token(APP, "alice");
        bob = TestApp.token(APP, "bob");
        manager = TestApp.token(APP, "manager");
        finance = TestApp.token(APP, "finance");
        admin = TestApp.token(APP, "admin");
    }

    @Test
    void aRepSeesTheirOwnPipelineAManagerTheTeamsFinanceEveryones() {
        assertThat(json(request(APP, "/api/v1/pipeline?username=alice&period=2026-Q4", alice).get(), 200))
                .containsEntry("period", "2026-Q4").containsEntry("username", "alice").containsEntry("currency", "USD")
                .containsKeys("quota", "closedWon", "gap", "open", "coverage", "weightedCoverage", "byStage",
                        "byForecastCategory", "averageWonAmount", "winRate", "dealsNeeded");
        assertThat(status(request(APP, "/api/v1/pipeline?username=bob&period=2026-Q4", alice).get())).isEqualTo(403);
        assertThat(status(request(APP, "/api/v1/pipeline?team=manager&period=2026-Q4", bob).get())).isEqualTo(403);
        assertThat(json(request(APP, "/api/v1/pipeline?team=manager&period=2026-Q4", manager).get(), 200))
                .containsEntry("team", "manager");
        assertThat(status(request(APP, "/api/v1/pipeline?username=alice&period=2026-Q4", manager).get())).isEqualTo(200);
        assertThat(status(request(APP, "/api/v1/pipeline?username=bob&period=2026-Q4", finance).get())).isEqualTo(200);
        assertThat(status(request(APP, "/api/v1/pipeline/funnel?username=bob&period=2026-Q4", alice).get())).isEqualTo(403);
        assertThat(status(request(APP, "/api/v1/pipeline/funnel?team=manager&period=2026-Q4", manager).get())).isEqualTo(200);
        assertThat(status(request(APP, "/api/v1/pipeline/funnel?team=manager&period=2026-Q4", finance).get())).isEqualTo(200);
    }

    @Test
    void onlyTheRepsManagerFinanceOrAnAdminSetAFunnelPlan() {
        Entity<Map<String, Object>> plan = Entity.json(Map.of("stages", Map.of("PROSPECTING", 45, "CLOSED_WON", 4)));
        assertThat(status(request(APP, "/api/v1/funnel-plans/alice/2027-Q1", alice).put(plan))).isEqualTo(403);
        assertThat(status(request(APP, "/api/v1/funnel-plans/alice/2027-Q1", bob).put(plan))).isEqualTo(403);
        assertThat(status(request(APP, "/api/v1/funnel-plans/alice/2027-Q1", finance).put(plan))).isEqualTo(200);
        assertThat(status(request(APP, "/api/v1/funnel-plans/alice/2027-Q1", admin).put(plan))).isEqualTo(200);
        assertThat(json(request(APP, "/api/v1/funnel-plans/alice/2027-Q1", manager).put(plan), 200))
                .containsEntry("stages", Map.of("PROSPECTING", 45, "CLOSED_WON", 4));

        assertThat(json(request(APP, "/api/v1/funnel-plans/alice/2027-Q1", alice).get(), 200))
                .containsEntry("period", "2027-Q1");
        assertThat(status(request(APP, "/api/v1/funnel-plans/alice/2027-Q1", bob).get())).isEqualTo(403);
        List<Map<String, Object>> stages = (List<Map<String, Object>>) json(request(APP,
                "/api/v1/pipeline/funnel?username=alice&period=2027-Q1", alice).get(), 200).get("stages");
        assertThat(stages.get(0)).containsEntry("stage", "PROSPECTING").containsEntry("plan", 45);
        assertThat(stages.get(1)).containsEntry("stage", "QUALIFIED").containsEntry("plan", null);
    }

    @Test
    void badQueriesAndPlansAreRefusedNamingTheField() {
        assertThat(paths(json(request(APP, "/api/v1/pipeline?period=2026-Q5", alice).get(), 422))).containsExactly("period");
        assertThat(paths(json(request(APP, "/api/v1/pipeline/funnel?period=soon", alice).get(), 422))).containsExactly("period");
        assertThat(paths(json(request(APP, "/api/v1/pipeline?username=alice&team=manager", finance).get(), 422)))
                .containsExactly("team");
        assertThat(paths(json(request(APP, "/api/v1/pipeline?team=nobody", finance).get(), 422))).containsExactly("team");
        assertThat(paths(json(request(APP, "/api/v1/funnel-plans/alice/2026-Q4", manager).put(Entity.json(
                Map.of("stages", Map.of("MEETINGS", 40)))), 422))).containsExactly("stages.MEETINGS");
        assertThat(paths(json(request(APP, "/api/v1/funnel-plans/alice/2026-Q4", manager).put(Entity.json(
                Map.of("stages", Map.of("PROSPECTING", -1)))), 422))).containsExactly("stages.PROSPECTING");
        assertThat(paths(json(request(APP, "/api/v1/funnel-plans/alice/2026-Q4", manager).put(Entity.json(
                Map.of("stages", Map.of()))), 422))).containsExactly("stages");
        assertThat(paths(json(request(APP, "/api/v1/funnel-plans/alice/2026-Q4", manager).put(Entity.json(
                Map.of("stages", Map.of("PROSPECTING", 2.5)))), 400))).containsExactly("stages.PROSPECTING");
        assertThat(paths(json(request(APP, "/api/v1/funnel-plans/alice/Q4", manager).put(Entity.json(
                Map.of("stages", Map.of("PROSPECTING", 2)))), 422))).containsExactly("period");
        assertThat(status(request(APP, "/api/v1/funnel-plans/nobody/2026-Q4", finance).put(Entity.json(
                Map.of("stages", Map.of("PROSPECTING", 2)))))).isEqualTo(404);
    }

    @Test
    void badDealFieldsAreRefusedNamingTheField() {
        assertThat(paths(json(post(deal("Negative", "expectedAmount", -5)), 422))).containsExactly("expectedAmount");
        assertThat(paths(json(post(deal("Lower", "currency", "usd")), 422))).containsExactly("currency");
        assertThat(paths(json(post(deal("Closed", "forecastCategory", "CLOSED")), 422))).containsExactly("forecastCategory");
        assertThat(paths(json(post(deal("Maybe", "forecastCategory", "MAYBE")), 400))).containsExactly("forecastCategory");
        Map<String, Object> yen = deal("Yen", "currency", "JPY");
        yen.put("expectedAmount", 1000.5);
        assertThat(paths(json(post(yen), 422))).containsExactly("expectedAmount");
        long id = ((Number) json(post(deal("Patchable", "expectedAmount", 100)), 201).get("id")).longValue();
        assertThat(paths(json(request(APP, "/api/v1/deals/" + id, alice).method("PATCH",
                Entity.json(Map.of("forecastCategory", "CLOSED"))), 422))).containsExactly("forecastCategory");
        assertThat(paths(json(request(APP, "/api/v1/deals/" + id, alice).method("PATCH",
                Entity.json(Map.of("currency", "BHD", "expectedAmount", 1.2345))), 422))).containsExactly("expectedAmount");
    }

    @Test
    void aDealShowsItsAmountCategoryAndFlagsOnGetAndInTheList() {
        Map<String, Object> body = deal("Flagged Inc", "expectedAmount", 25000);
        body.put("stage", "NEGOTIATION");
        long id = ((Number) json(post(body), 201).get("id")).longValue();

        Map<String, Object> deal = json(request(APP, "/api/v1/deals/" + id, alice).get(), 200);

        assertThat(new BigDecimal(deal.get("expectedAmount").toString())).isEqualByComparingTo("25000");
        assertThat(deal).containsEntry("currency", "USD").containsEntry("forecastCategory", "COMMIT");
        assertThat(codes(deal)).containsExactly("NO_BUSINESS_CASE", "NO_DECISION_MAKER", "NO_BUDGET",
                "NO_COMPELLING_EVENT", "NO_NEXT_STEP");
        assertThat(((List<Map<String, Object>>) deal.get("flags")).get(0).get("message").toString())
                .startsWith("Write down the customer's problem");
        List<Map<String, Object>> list = request(APP, "/api/v1/deals", alice).get(List.class);
        Map<String, Object> listed = list.stream().filter(each -> ((Number) each.get("id")).longValue() == id)
                .findFirst().orElseThrow();
        assertThat(codes(listed)).isEqualTo(codes(deal));
    }

    @Test
    void aCsvWithABadRowStoresNothingAndNamesTheRowAndColumn() {
        int before = request(APP, "/api/v1/deals", finance).get(List.class).size();
        String csv = HEADER
                + "crm-bad-1,Bad Row One,RETAIL,alice,QUALIFIED,2030-03-01,1000,USD,NEW,Call,,,,,\n"
                + "crm-bad-2,Bad Row Two,RETAIL,alice,WON,2030-03-01,1000,USD,NEW,Call,,,,,\n"
                + "crm-bad-3,Bad Row Three,RETAIL,alice,PROPOSAL,2030-03-01,lots,USD,NEW,Call,,,,,\n";

        Map<String, Object> error = json(request(APP, "/api/v1/deals", alice).post(Entity.entity(csv, CSV)), 422);

        assertThat(paths(error)).containsExactly("rows[1].stage", "rows[2].expectedAmount");
        assertThat(request(APP, "/api/v1/deals", finance).get(List.class)).hasSize(before);
        assertThat(paths(json(request(APP, "/api/v1/deals", alice).post(Entity.entity(HEADER
                + "crm-bob-1,Not Mine,RETAIL,bob,QUALIFIED,2030-03-01,1000,USD,NEW,Call,,,,,\n", CSV)), 422)))
                .containsExactly("rows[0].owner");
        assertThat(paths(json(request(APP, "/api/v1/deals", alice).post(Entity.entity(
                "externalId,account,colour\nx,y,z\n", CSV)), 422))).contains("header");
    }

    @Test
    void everyCellThatDoesNotFitItsColumnIsNamedAtItsRowInOneAnswer() {
        String csv = HEADER.replace("\n", ",splits\n")
                + "crm-cells-1,Cells One,RETAIL,alice,qualified,2030-03-01,1000,USD,NEW,Call,,,perhaps,yes,,alice=100\n"
                + "crm-cells-2,Cells Two,RETAIL,alice,PROPOSAL,01/03/2030,1e400,USD,RENEWAL,Call,,,yes,NO,,\n"
                + ",Cells Three,RETAIL,alice,PROPOSAL,2030-03-01,10,USD,NEW,Call,,,1,0,,alice:60;bob:40\n";

        Map<String, Object> error = json(request(APP, "/api/v1/deals", alice).post(Entity.entity(csv, CSV)), 422);

        assertThat(paths(error)).containsExactly("rows[0].budgetConfirmed", "rows[0].splits",
                "rows[1].expectedCloseDate", "rows[2].externalId");
        assertThat(paths(json(request(APP, "/api/v1/deals", alice).post(Entity.entity(HEADER.replace("\n", ",splits\n")
                + "crm-cells-4,Cells Four,RETAIL,alice,qualified,2030-03-01,1e400,USD,NEW,Call,,,yes,no,,alice:100\n",
                CSV)), 422))).containsExactly("rows[0].expectedAmount");
    }

    @Test
    void reImportingACrmExportChangesWhatChangedAndDuplicatesNothing() {
        String csv = HEADER
                + "crm-7001,Import Alpha,RETAIL,alice,QUALIFIED,2030-03-01,12000,USD,NEW,Discovery call,"
                + "Stock-outs,No demand forecast,yes,no,\n"
                + "crm-7002,Import Beta,HEALTHCARE,alice,PROPOSAL,2030-04-15,30000.50,USD,EXPANSION,Send proposal,,,,,\n";

        Map<String, Object> first = json(request(APP, "/api/v1/deals", alice).post(Entity.entity(csv, CSV)), 200);
        Map<String, Object> again = json(request(APP, "/api/v1/deals", alice).post(Entity.entity(csv, CSV)), 200);
        Map<String, Object> moved = json(request(APP, "/api/v1/deals", alice).post(Entity.entity(
                csv.replace("2030-04-15", "2030-05-31"), CSV)), 200);

        assertThat(first).containsEntry("created", 2).containsEntry("updated", 0).containsEntry("unchanged", 0);
        assertThat(again).containsEntry("created", 0).containsEntry("updated", 0).containsEntry("unchanged", 2)
                .containsEntry("ids", first.get("ids"));
        assertThat(moved).containsEntry("created", 0).containsEntry("updated", 1).containsEntry("unchanged", 1);
        long beta = ((Number) ((List<Object>) first.get("ids")).get(1)).longValue();
        Map<String, Object> deal = json(request(APP, "/api/v1/deals/" + beta, alice).get(), 200);
        assertThat(deal).containsEntry("externalId", "crm-7002").containsEntry("expectedCloseDate", "2030-05-31")
                .containsEntry("stage", "PROPOSAL");
        assertThat(new BigDecimal(deal.get("expectedAmount").toString())).isEqualByComparingTo("30000.50");
        assertThat((List<Object>) deal.get("closeDateHistory")).hasSize(1);
        List<Map<String, Object>> all = request(APP, "/api/v1/deals", finance).get(List.class);
        assertThat(all.stream().filter(each -> "crm-7001".equals(each.get("externalId")))).hasSize(1);
        Map<String, Object> sameId = deal("Import Alpha Again", "externalId", "crm-7001");
        assertThat(paths(json(post(sameId), 409))).containsExactly("externalId");
        assertThat(paths(json(request(APP, "/api/v1/deals", bob).post(Entity.entity(HEADER
                + "crm-7001,Import Alpha,RETAIL,bob,QUALIFIED,2030-03-01,12000,USD,NEW,Taken over,,,,,\n", CSV)), 422)))
                .containsExactly("rows[0].externalId");
    }

    @Test
    void theDemoHasAFunnelWithEveryStageReachedAPlanAndFlaggedDeals() {
        Map<String, Object> funnel = json(request(APP, "/api/v1/pipeline/funnel?team=manager&period=2026-Q4", manager).get(), 200);
        List<Map<String, Object>> stages = (List<Map<String, Object>>) funnel.get("stages");

        assertThat(stages).extracting(stage -> stage.get("stage")).containsExactly("PROSPECTING", "QUALIFIED",
                "NEEDS_ANALYSIS", "PROPOSAL", "NEGOTIATION", "CLOSED_WON");
        assertThat(stages).allSatisfy(stage -> {
            assertThat(((Number) stage.get("reached")).intValue()).isPositive();
            assertThat(stage.get("plan")).isNotNull();
        });
        Map<String, Object> pipeline = json(request(APP, "/api/v1/pipeline?team=manager&period=2026-Q4", manager).get(), 200);
        assertThat(((Number) ((Map<String, Object>) pipeline.get("open")).get("count")).intValue()).isGreaterThanOrEqualTo(5);
        assertThat((List<Map<String, Object>>) pipeline.get("deals"))
                .anySatisfy(deal -> assertThat((List<Object>) deal.get("flags")).isNotEmpty());
    }

    private static Response post(Map<String, Object> body) {
        return request(APP, "/api/v1/deals", alice).post(Entity.json(body));
    }

    private static Map<String, Object> deal(String account, String field, Object value) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account", Map.of("name", account, "industry", "RETAIL"));
        body.put("expectedCloseDate", "2030-06-30");
        body.put(field, value);
        return body;
    }

    private static List<Object> codes(Map<String, Object> deal) {
        return ((List<Map<String, Object>>) deal.get("flags")).stream().map(flag -> flag.get("code")).toList();
    }

    private static List<Object> paths(Map<String, Object> error) {
        return ((List<Map<String, Object>>) error.get("details")).stream().map(detail -> detail.get("path")).toList();
    }
}
