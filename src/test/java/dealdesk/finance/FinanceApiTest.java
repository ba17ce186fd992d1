package dealdesk.finance;

import static dealdesk.finance.FinanceClient.adjustments;
import static dealdesk.finance.FinanceClient.error;
import static dealdesk.finance.FinanceClient.json;
import static dealdesk.finance.FinanceClient.text;
import static dealdesk.finance.FinanceClient.total;
import static dealdesk.testing.TestApp.request;
import static dealdesk.testing.TestApp.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Finance over HTTP on 2027-01-15: exchange rates, adjustments, disputes,
 * periods and payouts, who may do what, and every bad input refused with its
 * field and nothing stored. Each test has its own reps; the periods each test
 * closes are its own.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@SuppressWarnings("unchecked")
class FinanceApiTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension(
            Clock.fixed(Instant.parse("2027-01-15T09:00:00Z"), ZoneOffset.UTC));
    static final ObjectMapper MAPPER = new ObjectMapper();
    static FinanceClient client;
    static String manager;

    @BeforeAll
    static void setUp() {
        client = new FinanceClient(APP);
        manager = client.token("manager");
    }

    static List<Map<String, Object>> list(Response response) {
        try {
            return MAPPER.readValue(text(response, 200), new TypeReference<>() { });
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    // ---- exchange rates ---------------------------------------------------------------------

    @Test
    void financeKeepsDatedRatesAsJsonAndCsvAndEachChangeIsAudited() {
        json(client.put("/api/v1/exchange-rates", client.finance, """
                [{"from": "GBP", "to": "USD", "date": "2026-10-01", "rate": 1.25},
                 {"from": "GBP", "to": "USD", "date": "2026-12-01", "rate": 1.30}]"""), 200);
        Map<String, Object> csv = json(request(APP, "/api/v1/exchange-rates", client.admin).put(Entity.entity(
                "from,to,date,rate\nGBP,USD,2026-12-01,1.28\nJPY,USD,2026-10-01,0.0067\n", FinanceClient.CSV)), 200);
        assertThat(csv.get("stored")).isEqualTo(2);

        List<Map<String, Object>> rates = list(client.get("/api/v1/exchange-rates?from=GBP", client.finance));
        assertThat(rates).extracting(rate -> rate.get("date") + "=" + rate.get("rate"))
                .containsExactly("2026-10-01=1.25", "2026-12-01=1.28");
        List<Map<String, Object>> audit = list(client.get("/api/v1/audit?entity=exchange_rate&entityId="
                + "GBP%3EUSD%402026-12-01", client.finance));
        assertThat(audit).hasSize(2);
        assertThat(audit.get(0)).containsEntry("actor", "admin");
        assertThat((Map<String, Object>) audit.get(0).get("before")).containsEntry("rate", 1.30);
        assertThat((Map<String, Object>) audit.get(0).get("after")).containsEntry("rate", 1.28);
    }

    @Test
    void badRatesAreRefusedWithTheirFieldAndNothingIsStored() {
        error(client.put("/api/v1/exchange-rates", client.finance, """
                [{"from": "CHF", "to": "USD", "date": "2026-10-01", "rate": 1.1},
                 {"from": "XXY", "to": "USD", "date": "2026-10-01", "rate": 1.1}]"""), 422, "[1].from");
        error(client.put("/api/v1/exchange-rates", client.finance, """
                [{"from": "CHF", "to": "USD", "date": "2026-10-01", "rate": -1}]"""), 422, "[0].rate");
        error(client.put("/api/v1/exchange-rates", client.finance, """
                [{"from": "CHF", "to": "USD", "date": "2026-10-01", "rate": 1.12345678901}]"""), 422, "[0].rate");
        error(client.put("/api/v1/exchange-rates", client.finance, """
                [{"from": "CHF", "to": "CHF", "date": "2026-10-01", "rate": 1}]"""), 422, "[0].to");
        error(client.put("/api/v1/exchange-rates", client.finance, """
                [{"from": "CHF", "to": "USD", "date": "2026-13-01", "rate": 1}]"""), 422, "[0].date");
        error(client.put("/api/v1/exchange-rates", client.finance, """
                [{"from": "CHF", "to": "USD", "date": "2026-10-01", "rate": 1},
                 {"from": "CHF", "to": "USD", "date": "2026-10-01", "rate": 2}]"""), 422, "[1].date");
        error(request(APP, "/api/v1/exchange-rates", client.finance).put(Entity.entity(
                "from,to,rate\nCHF,USD,1.1\n", FinanceClient.CSV)), 422, "header");
        error(request(APP, "/api/v1/exchange-rates", client.finance).put(Entity.entity(
                "from,to,date,rate\nCHF,USD,2026-10-01,lots\n", FinanceClient.CSV)), 422, "rows[0].rate");
        assertThat(list(client.get("/api/v1/exchange-rates?from=CHF", client.finance))).isEmpty();
        assertThat(status(client.get("/api/v1/exchange-rates", client.token("alice")))).isEqualTo(403);
        assertThat(status(client.put("/api/v1/exchange-rates", client.token("alice"), "[]"))).isEqualTo(403);
    }

    @Test
    void aBookingInAnotherCurrencyIsConvertedAtItsCloseDatesRateOrRefused() {
        client.rep("olga", null, "fin-olga", "USD");
        error(request(APP, "/api/v1/transactions", client.finance).post(Entity.entity(FinanceClient.BOOKINGS
                + "OL1,OL1,2027-01-05,A,CORE,1,10000,SEK,RETAIL,NEW,olga:100\n", FinanceClient.CSV)), 422,
                "rows[0].currency");
        assertThat((List<Object>) client.statement("olga", "2027-Q1", client.finance).get("lines")).isEmpty();

        json(client.put("/api/v1/exchange-rates", client.finance, """
                [{"from": "SEK", "to": "USD", "date": "2026-12-01", "rate": 0.09},
                 {"from": "SEK", "to": "USD", "date": "2027-01-01", "rate": 0.095}]"""), 200);
        client.importBookings("""
                OL1,OL1,2027-01-05,A,CORE,1,10000,SEK,RETAIL,NEW,olga:100
                OL0,OL0,2026-12-31,A,CORE,1,10000,SEK,RETAIL,NEW,olga:100
                """);

        Map<String, Object> statement = client.statement("olga", "2027-Q1", client.finance);
        assertThat(statement.get("credited").toString()).isEqualTo("950");
        Map<String, Object> line = ((List<Map<String, Object>>) statement.get("lines")).get(0);
        Map<String, Object> source = (Map<String, Object>) ((Map<String, Object>) line.get("trace")).get("source");
        Map<String, Object> conversion = (Map<String, Object>) source.get("conversion");
        assertThat(conversion).containsEntry("currency", "SEK").containsEntry("rateDate", "2027-01-01");
        assertThat(new BigDecimal(conversion.get("rate").toString())).isEqualByComparingTo("0.095");
        assertThat(new BigDecimal(conversion.get("amount").toString())).isEqualByComparingTo("10000");
        assertThat(total(statement, "earned")).isEqualByComparingTo("95.00");
        // the December booking took December's rate
        assertThat(client.statement("olga", "2026-Q4", client.finance).get("credited").toString()).isEqualTo("900");
    }

    // ---- adjustments --------------------------------------------------------------------------

    @Test
    void aManualAdjustmentIsListedOnTheStatementAndCountedInPayable() {
        client.rep("adam", "manager", "fin-adam", "USD");
        client.importBookings("AD1,AD1,2027-01-05,A,CORE,1,20000,USD,RETAIL,NEW,adam:100\n");

        Map<String, Object> posted = json(client.post("/api/v1/adjustments", client.finance, """
                {"username": "adam", "period": "2027-Q1", "amount": -125.50, "reason": "Laptop not returned"}"""), 201);
        assertThat(posted).containsEntry("kind", "MANUAL").containsEntry("period", "2027-Q1");

        Map<String, Object> statement = client.statement("adam", "2027-Q1", client.token("adam"));
        assertThat(adjustments(statement)).singleElement().satisfies(adjustment -> {
            assertThat(adjustment).containsEntry("kind", "MANUAL").containsEntry("reason", "Laptop not returned")
                    .containsEntry("sourcePeriod", null).containsKey("id");
            assertThat(new BigDecimal(adjustment.get("amount").toString())).isEqualByComparingTo("-125.50");
        });
        assertThat(total(statement, "earned")).isEqualByComparingTo("2000.00");
        assertThat(total(statement, "adjustments")).isEqualByComparingTo("-125.50");
        assertThat(total(statement, "payable")).isEqualByComparingTo("1874.50");
        // the dashboard agrees with the statement
        Map<String, Object> dashboard = json(client.get("/api/v1/dashboard/adam?period=2027-Q1", client.token("adam")),
                200);
        assertThat(new BigDecimal(dashboard.get("payable").toString())).isEqualByComparingTo("1874.50");
        List<Map<String, Object>> audit = list(client.get("/api/v1/audit?entity=adjustment&entityId="
                + posted.get("id"), client.finance));
        assertThat(audit).singleElement().satisfies(entry -> assertThat(entry).containsEntry("actor", "finance")
                .containsEntry("action", "POST_ADJUSTMENT"));
    }

    @Test
    void badAdjustmentsAreRefusedWithTheirFieldAndNothingIsStored() {
        client.rep("bea", null, "fin-bea", "USD");
        String bea = client.token("bea");
        error(client.post("/api/v1/adjustments", client.finance, """
                {"username": "bea", "period": "2027-Q1", "amount": 10.005, "reason": "x"}"""), 422, "amount");
        error(client.post("/api/v1/adjustments", client.finance, """
                {"username": "bea", "period": "2027-Q1", "amount": 1000000000000, "reason": "x"}"""), 422, "amount");
        error(client.post("/api/v1/adjustments", client.finance, """
                {"username": "bea", "period": "2027-Q1", "amount": 10}"""), 422, "reason");
        error(client.post("/api/v1/adjustments", client.finance, """
                {"username": "bea", "period": "2027-Q5", "amount": 10, "reason": "x"}"""), 422, "period");
        error(client.post("/api/v1/adjustments", client.finance, """
                {"username": "bea", "period": "Q1-2027", "amount": 10, "reason": "x"}"""), 422, "period");
        error(client.post("/api/v1/adjustments", client.finance, """
                {"username": "bea", "period": "2027-01", "amount": 10, "reason": "x"}"""), 422, "period");
        error(client.post("/api/v1/adjustments", client.finance, """
                {"username": "nobody", "period": "2027-Q1", "amount": 10, "reason": "x"}"""), 422, "username");
        error(client.post("/api/v1/adjustments", client.finance, """
                {"username": "bea", "period": "2027-Q1", "amount": "ten", "reason": "x"}"""), 400, "amount");
        assertThat(status(client.post("/api/v1/adjustments", bea, """
                {"username": "bea", "period": "2027-Q1", "amount": 10, "reason": "x"}"""))).isEqualTo(403);
        assertThat(status(client.post("/api/v1/adjustments", manager, """
                {"username": "bea", "period": "2027-Q1", "amount": 10, "reason": "x"}"""))).isEqualTo(403);
        assertThat(list(client.get("/api/v1/adjustments?username=bea", client.finance))).isEmpty();
        assertThat(adjustments(client.statement("bea", "2027-Q1", bea))).isEmpty();
    }

    // ---- disputes -------------------------------------------------------------------------------

    @Test
    void aRepDisputesALineTheManagerAndFinanceCommentAndFinanceAdjustsIt() {
        client.rep("cleo", "manager", "fin-cleo", "USD");
        client.rep("dan", null, "fin-dan", "USD");
        client.importBookings("CL1,CL1,2027-01-06,A,CORE,1,30000,USD,RETAIL,NEW,cleo:100\n");
        String cleo = client.token("cleo");
        String dan = client.token("dan");

        Map<String, Object> opened = json(client.post("/api/v1/disputes", cleo, """
                {"period": "2027-Q1", "transactionId": "CL1", "reason": "The deal was 35,000, not 30,000",
                 "expectedAmount": 3500}"""), 201);
        assertThat(opened).containsEntry("username", "cleo").containsEntry("period", "2027-Q1")
                .containsEntry("transactionId", "CL1").containsEntry("status", "OPEN")
                .containsEntry("comments", List.of()).containsKeys("id", "createdAt", "reason");
        assertThat(new BigDecimal(opened.get("expectedAmount").toString())).isEqualByComparingTo("3500");
        String path = "/api/v1/disputes/" + opened.get("id");

        // who sees it: cleo, her manager and finance; not dan
        assertThat(list(client.get("/api/v1/disputes", cleo))).extracting(d -> d.get("id")).contains(opened.get("id"));
        assertThat(list(client.get("/api/v1/disputes?status=OPEN", manager))).extracting(d -> d.get("id"))
                .contains(opened.get("id"));
        assertThat(list(client.get("/api/v1/disputes?username=cleo&period=2027-Q1", client.finance)))
                .singleElement().satisfies(d -> assertThat(d.get("id")).isEqualTo(opened.get("id")));
        assertThat(list(client.get("/api/v1/disputes", dan))).isEmpty();
        assertThat(status(client.get(path, dan))).isEqualTo(403);
        assertThat(status(client.get("/api/v1/disputes?username=cleo", dan))).isEqualTo(403);

        Map<String, Object> detail = json(client.get(path, client.finance), 200);
        assertThat(detail).containsEntry("missing", false);
        assertThat((List<Map<String, Object>>) detail.get("lines")).singleElement().satisfies(line -> {
            assertThat(line).containsEntry("transactionId", "CL1").containsKey("trace");
            assertThat(new BigDecimal(line.get("amount").toString())).isEqualByComparingTo("3000.00");
        });

        json(client.post(path + "/comments", cleo, "{\"text\": \"Order form attached\"}"), 200);
        json(client.post(path + "/comments", manager, "{\"text\": \"Confirmed with the customer\"}"), 200);
        Map<String, Object> commented = json(client.post(path + "/comments", client.finance,
                "{\"text\": \"CRM had the old amount\"}"), 200);
        assertThat((List<Map<String, Object>>) commented.get("comments")).extracting(c -> c.get("author"))
                .containsExactly("cleo", "manager", "finance");
        assertThat(status(client.post(path + "/comments", dan, "{\"text\": \"me too\"}"))).isEqualTo(403);

        assertThat(status(client.post(path + "/resolve", cleo,
                "{\"resolution\": \"ADJUSTED\", \"amount\": 500, \"reason\": \"self-service\"}"))).isEqualTo(403);
        error(client.post(path + "/resolve", client.finance,
                "{\"resolution\": \"ADJUSTED\", \"reason\": \"missing amount\"}"), 422, "amount");
        error(client.post(path + "/resolve", client.finance,
                "{\"resolution\": \"MAYBE\", \"reason\": \"x\"}"), 422, "resolution");
        Map<String, Object> resolved = json(client.post(path + "/resolve", client.finance,
                "{\"resolution\": \"ADJUSTED\", \"amount\": 500, \"reason\": \"Amount corrected to 35,000\"}"), 200);
        assertThat(resolved).containsEntry("status", "ADJUSTED");
        error(client.post(path + "/resolve", client.finance,
                "{\"resolution\": \"REJECTED\", \"reason\": \"again\"}"), 409, "resolution");

        Map<String, Object> statement = client.statement("cleo", "2027-Q1", cleo);
        assertThat(adjustments(statement)).singleElement().satisfies(adjustment -> {
            assertThat(adjustment).containsEntry("kind", "DISPUTE");
            assertThat(new BigDecimal(adjustment.get("amount").toString())).isEqualByComparingTo("500.00");
        });
        assertThat(total(statement, "payable")).isEqualByComparingTo("3500.00");
        assertThat(list(client.get("/api/v1/audit?entity=dispute&entityId=" + opened.get("id"), client.finance)))
                .extracting(entry -> entry.get("action"))
                .containsExactly("RESOLVE_DISPUTE", "COMMENT_DISPUTE", "COMMENT_DISPUTE", "COMMENT_DISPUTE",
                        "OPEN_DISPUTE");
    }

    @Test
    void badDisputesAreRefusedWithTheirField() {
        client.rep("eve", null, "fin-eve", "USD");
        client.rep("fay", null, "fin-fay", "USD");
        String eve = client.token("eve");
        error(client.post("/api/v1/disputes", eve, """
                {"username": "fay", "period": "2027-Q1", "transactionId": "F1", "reason": "x", "expectedAmount": 1}"""),
                403, "username");
        error(client.post("/api/v1/disputes", eve, """
                {"period": "2027-Q9", "transactionId": "E1", "reason": "x", "expectedAmount": 1}"""), 422, "period");
        error(client.post("/api/v1/disputes", eve, """
                {"period": "2027-Q1", "reason": "x", "expectedAmount": 1}"""), 422, "transactionId");
        error(client.post("/api/v1/disputes", eve, """
                {"period": "2027-Q1", "transactionId": "E1", "expectedAmount": 1}"""), 422, "reason");
        error(client.post("/api/v1/disputes", eve, """
                {"period": "2027-Q1", "transactionId": "E1", "reason": "x", "expectedAmount": 1.001}"""),
                422, "expectedAmount");
        assertThat(list(client.get("/api/v1/disputes", eve))).isEmpty();
        assertThat(status(client.get("/api/v1/disputes/99999", client.finance))).isEqualTo(404);
        assertThat(status(client.get("/api/v1/disputes/abc", client.finance))).isEqualTo(404);
        error(client.get("/api/v1/disputes?status=WHATEVER", client.finance), 422, "status");

        // a missing deal can be disputed too, and NO_CHANGE posts nothing
        Map<String, Object> missing = json(client.post("/api/v1/disputes", eve, """
                {"period": "2027-Q1", "transactionId": "CRM-404", "reason": "My deal with Initech is missing",
                 "expectedAmount": 1200}"""), 201);
        assertThat(json(client.get("/api/v1/disputes/" + missing.get("id"), eve), 200)).containsEntry("missing", true);
        error(client.post("/api/v1/disputes/" + missing.get("id") + "/resolve", client.finance,
                "{\"resolution\": \"NO_CHANGE\", \"amount\": 5, \"reason\": \"x\"}"), 422, "amount");
        json(client.post("/api/v1/disputes/" + missing.get("id") + "/resolve", client.finance,
                "{\"resolution\": \"NO_CHANGE\", \"reason\": \"Initech closed in 2027-Q2\"}"), 200);
        assertThat(adjustments(client.statement("eve", "2027-Q1", eve))).isEmpty();
    }

    // ---- periods and payouts ------------------------------------------------------------------------

    @Test
    void aPeriodThatHasNotEndedIsNotClosedUnlessForced() {
        error(client.post("/api/v1/periods/2027-Q1/close", client.finance, "{}"), 409, "force");
        assertThat(list(client.get("/api/v1/periods", client.finance)))
                .noneSatisfy(period -> assertThat(period).containsEntry("period", "2027-Q1")
                        .containsEntry("status", "CLOSED"));
        error(client.post("/api/v1/periods/2027-13/close", client.finance, "{}"), 422, "period");
        assertThat(status(client.post("/api/v1/periods/2026-Q2/close", client.token("alice"), "{}"))).isEqualTo(403);
        assertThat(status(client.post("/api/v1/periods/2026-Q2/close", manager, "{}"))).isEqualTo(403);
    }

    @Test
    void sixFinanceClicksOnCloseAtOnceCloseThePeriodOnceAndTheRestAre409() throws Exception {
        client.rep("ivy", null, "fin-ivy", "USD");
        client.importBookings("""
                IV1,IV1,2026-02-05,A,CORE,1,5000.00,USD,RETAIL,NEW,ivy:100
                """);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 6; i++) {
                answers.add(pool.submit(() -> status(client.post("/api/v1/periods/2026-Q1/close", client.finance,
                        "{}"))));
            }
            List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(200, 409).filteredOn(code -> code == 200).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(client.statement("ivy", "2026-Q1", client.finance)).containsEntry("status", "CLOSED");
        assertThat(list(client.get("/api/v1/audit?entity=period&entityId=2026-Q1", client.finance)))
                .filteredOn(entry -> "CLOSE_PERIOD".equals(entry.get("action"))).hasSize(1);
    }

    @Test
    void anEndedPeriodClosesOncePaysOnceAndExportsForPayroll() {
        client.rep("gus", null, "fin-gus", "USD");
        client.rep("hal", null, "fin-hal", "JPY");
        client.importBookings("""
                GU1,GU1,2026-05-05,A,CORE,1,12345.67,USD,RETAIL,NEW,gus:100
                HA1,HA1,2026-05-06,A,CORE,1,1000005,JPY,RETAIL,NEW,hal:100
                """);
        error(client.post("/api/v1/periods/2026-Q2/pay", client.finance, ""), 409, "period");

        Map<String, Object> closed = json(client.post("/api/v1/periods/2026-Q2/close", client.finance, "{}"), 200);
        assertThat(closed).containsEntry("status", "CLOSED");
        error(client.post("/api/v1/periods/2026-Q2/close", client.finance, "{\"force\": true}"), 409, "period");
        assertThat(client.statement("gus", "2026-Q2", client.finance)).containsEntry("status", "CLOSED");
        error(client.post("/api/v1/adjustments", client.finance, """
                {"username": "gus", "period": "2026-Q2", "amount": 10, "reason": "too late"}"""), 409, "period");
        assertThat(status(client.post("/api/v1/periods/2026-Q2/pay", client.token("gus"), ""))).isEqualTo(403);

        Map<String, Object> paid = json(client.post("/api/v1/periods/2026-Q2/pay", client.finance, ""), 200);
        assertThat(paid).containsEntry("status", "PAID");
        error(client.post("/api/v1/periods/2026-Q2/pay", client.finance, ""), 409, "period");
        assertThat(list(client.get("/api/v1/periods", client.finance))).filteredOn(p -> "2026-Q2".equals(p.get("period")))
                .singleElement().satisfies(period -> {
                    assertThat(period).containsEntry("status", "PAID");
                    assertThat((Map<String, Object>) period.get("closed")).containsEntry("by", "finance");
                    assertThat((Map<String, Object>) period.get("paid")).containsEntry("by", "finance");
                });

        String csv = text(request(APP, "/api/v1/payouts/2026-Q2", client.finance).accept("text/csv").get(), 200);
        assertThat(csv.lines().findFirst().orElseThrow())
                .isEqualTo("username,name,period,currency,earned,adjustments,drawPaid,drawRecovered,payable,status");
        assertThat(csv.lines()).contains("gus,gus Example,2026-Q2,USD,1234.57,0.00,0.00,0.00,1234.57,PAID",
                "hal,hal Example,2026-Q2,JPY,100001,0,0,0,100001,PAID");
        assertThat(status(request(APP, "/api/v1/payouts/2026-Q2", client.token("gus")).accept("text/csv").get()))
                .isEqualTo(403);
        assertThat(status(request(APP, "/api/v1/payouts/2026-Q2", manager).accept("text/csv").get())).isEqualTo(403);
        List<Map<String, Object>> audit = list(client.get("/api/v1/audit?entity=period&entityId=2026-Q2",
                client.finance));
        assertThat(audit).extracting(entry -> entry.get("action")).containsExactly("PAY_PERIOD", "CLOSE_PERIOD");
    }

    // ---- statement documents ----------------------------------------------------------------------

    @Test
    void theStatementPdfShowsEveryLineWithItsWhyInJapaneseAndTurkish() throws Exception {
        client.rep("jun", "山田 太郎", "manager", "fin-jun", "USD");
        client.importBookings("JU1,D-77,2027-01-07,A,CORE,1,40000,USD,RETAIL,NEW,jun:100\n");
        json(client.post("/api/v1/adjustments", client.finance, """
                {"username": "jun", "period": "2027-Q1", "amount": 75.25, "reason": "Müşteri iadesi düzeltmesi: ğüşiöç"}"""),
                201);

        byte[] pdf;
        try (Response response = client.get("/api/v1/statements/jun/2027-Q1.pdf", client.token("jun"))) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType().toString()).startsWith("application/pdf");
            pdf = response.readEntity(byte[].class);
        }
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        }
        assertThat(text).contains("Commission statement 2027-Q1", "山田 太郎 (jun)",
                "Deal D-77 (JU1): your 100% of 40,000.00 is a credit of 40,000.00",
                "paid at 10%", "= 4,000.00", "MANUAL  75.25", "Müşteri iadesi düzeltmesi: ğüşiöç", "Payable", "4,075.25");
        assertThat(status(client.get("/api/v1/statements/jun/2027-Q1.pdf", manager))).isEqualTo(200);
        assertThat(status(client.get("/api/v1/statements/jun/2027-Q1.pdf", client.token("alice")))).isEqualTo(403);
        error(client.get("/api/v1/statements/jun/2027-Q7.pdf", client.finance), 422, "period");
    }

    @Test
    void theStatementCsvHasLinesAdjustmentsAndTotalsWithTheirWhy() {
        client.rep("kim", "manager", "fin-kim", "USD");
        client.importBookings("KI1,KI1,2027-01-08,A,CORE,1,12345.67,USD,RETAIL,NEW,kim:100\n");
        json(client.post("/api/v1/adjustments", client.finance, """
                {"username": "kim", "period": "2027-Q1", "amount": -5, "reason": "Phone, not returned"}"""), 201);

        String csv = text(request(APP, "/api/v1/statements/kim/2027-Q1.csv", client.token("kim")).accept("text/csv")
                .get(), 200);
        assertThat(csv.lines()).first().isEqualTo("section,transactionId,component,band,baseAmount,rate,amount,why");
        assertThat(csv.lines()).anySatisfy(line -> assertThat(line)
                .startsWith("LINE,KI1,COMMISSION,,12345.67,0.1,1234.57,\"Deal KI1: your 100% of 12,345.67"));
        assertThat(csv.lines()).contains("ADJUSTMENT,,MANUAL,,,,-5.00,\"Phone, not returned\"",
                "TOTAL,,earned,,,,1234.57,", "TOTAL,,payable,,,,1229.57,");
        assertThat(status(client.get("/api/v1/statements/kim/2027-Q1.csv", client.token("alice")))).isEqualTo(403);
    }
}
