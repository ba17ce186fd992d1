package dealdesk.finance;

import static dealdesk.finance.FinanceClient.adjustments;
import static dealdesk.finance.FinanceClient.error;
import static dealdesk.finance.FinanceClient.json;
import static dealdesk.finance.FinanceClient.text;
import static dealdesk.finance.FinanceClient.total;
import static dealdesk.testing.TestApp.request;
import static dealdesk.testing.TestApp.status;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The whole finance flow on 2027-01-15, over HTTP with literal amounts: a rep
 * disputes a line, the manager and finance comment, 2026-Q4 closes, the dispute
 * is resolved and a late deal arrives for the closed quarter (both become
 * prior-period adjustments in 2027-Q1), the quarter is paid and exported for
 * payroll, and each role may do only its part.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@SuppressWarnings("unchecked")
class FinanceFlowTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension(
            Clock.fixed(Instant.parse("2027-01-15T09:00:00Z"), ZoneOffset.UTC));

    @Test
    void disputeCloseLateDealPriorPeriodAdjustmentPayAndPayroll() {
        FinanceClient client = new FinanceClient(APP);
        client.rep("nora", "Nora North", "manager", "fin-nora", "USD");
        String nora = client.token("nora");
        String manager = client.token("manager");
        String alice = client.token("alice");
        // 10% of the amount: 4,000.00 and 2,000.00 in 2026-Q4
        client.importBookings("""
                N1,Acme,2026-10-10,A,CORE,1,40000,USD,RETAIL,NEW,nora:100
                N2,Globex,2026-11-15,A,CORE,1,20000,USD,RETAIL,NEW,nora:100
                """);
        assertThat(total(client.statement("nora", "2026-Q4", nora), "earned")).isEqualByComparingTo("6000.00");

        // the rep disputes N2: the deal was 25,000
        Map<String, Object> dispute = json(client.post("/api/v1/disputes", nora, """
                {"period": "2026-Q4", "transactionId": "N2", "reason": "Globex signed for 25,000",
                 "expectedAmount": 2500}"""), 201);
        String path = "/api/v1/disputes/" + dispute.get("id");
        json(client.post(path + "/comments", manager, "{\"text\": \"The order form says 25,000\"}"), 200);
        json(client.post(path + "/comments", client.finance, "{\"text\": \"The CRM export had 20,000\"}"), 200);
        assertThat(status(client.post(path + "/comments", alice, "{\"text\": \"not mine\"}"))).isEqualTo(403);

        // 2026-Q4 has ended: it closes; nora's statement is locked at 6,000.00
        assertThat(status(client.post("/api/v1/periods/2026-Q4/close", nora, "{}"))).isEqualTo(403);
        Map<String, Object> closed = json(client.post("/api/v1/periods/2026-Q4/close", client.finance, "{}"), 200);
        assertThat(closed).containsEntry("period", "2026-Q4").containsEntry("status", "CLOSED");
        error(client.post("/api/v1/periods/2026-Q4/close", client.finance, "{}"), 409, "period");

        // resolved after the close: a prior-period adjustment in nora's current quarter, naming 2026-Q4
        assertThat(status(client.post(path + "/resolve", manager,
                "{\"resolution\": \"ADJUSTED\", \"amount\": 500, \"reason\": \"x\"}"))).isEqualTo(403);
        json(client.post(path + "/resolve", client.finance,
                "{\"resolution\": \"ADJUSTED\", \"amount\": 500, \"reason\": \"Globex amount corrected\"}"), 200);

        // a late deal for the closed quarter: 30,000 on 2026-12-28 pays 3,000.00 more
        client.importBookings("N3,Initech,2026-12-28,A,CORE,1,30000,USD,RETAIL,NEW,nora:100\n");
        // and a deal in the current quarter: 1,000.00
        client.importBookings("N4,Umbrella,2027-01-05,A,CORE,1,10000,USD,RETAIL,NEW,nora:100\n");

        Map<String, Object> q4 = client.statement("nora", "2026-Q4", nora);
        assertThat(q4).containsEntry("status", "CLOSED");
        assertThat((List<Map<String, Object>>) q4.get("lines")).extracting(line -> line.get("transactionId"))
                .containsExactly("N1", "N2");
        assertThat(total(q4, "payable")).isEqualByComparingTo("6000.00");

        Map<String, Object> q1 = client.statement("nora", "2027-Q1", nora);
        assertThat(adjustments(q1)).extracting(a -> a.get("kind") + " " + a.get("sourcePeriod") + " " + a.get("amount"))
                .containsExactly("PRIOR_PERIOD 2026-Q4 500.00", "PRIOR_PERIOD 2026-Q4 3000.00");
        assertThat(adjustments(q1).get(0).get("reason").toString()).contains("Globex amount corrected");
        assertThat(adjustments(q1).get(1).get("reason").toString())
                .isEqualTo("Recalculated 2026-Q4 after it closed (added N3): it earns 9,000.00 now instead of 6,000.00");
        assertThat(total(q1, "earned")).isEqualByComparingTo("1000.00");
        assertThat(total(q1, "adjustments")).isEqualByComparingTo("3500.00");
        assertThat(total(q1, "payable")).isEqualByComparingTo("4500.00");
        Map<String, Object> dashboard = json(client.get("/api/v1/dashboard/nora?period=2027-Q1", manager), 200);
        assertThat(new BigDecimal(dashboard.get("payable").toString())).isEqualByComparingTo("4500.00");

        // re-importing the same late deal unchanged posts nothing more
        client.importBookings("N3,Initech,2026-12-28,A,CORE,1,30000,USD,RETAIL,NEW,nora:100\n");
        assertThat(adjustments(client.statement("nora", "2027-Q1", nora))).hasSize(2);

        // pay 2026-Q4 and export it for payroll
        error(client.post("/api/v1/periods/2027-Q1/pay", client.finance, ""), 409, "period");
        assertThat(status(client.post("/api/v1/periods/2026-Q4/pay", nora, ""))).isEqualTo(403);
        json(client.post("/api/v1/periods/2026-Q4/pay", client.finance, ""), 200);
        assertThat(client.statement("nora", "2026-Q4", nora)).containsEntry("status", "PAID");
        String q4Payroll = text(request(APP, "/api/v1/payouts/2026-Q4", client.finance).accept("text/csv").get(), 200);
        assertThat(q4Payroll.lines().findFirst().orElseThrow())
                .isEqualTo("username,name,period,currency,earned,adjustments,drawPaid,drawRecovered,payable,status");
        assertThat(q4Payroll.lines()).contains("nora,Nora North,2026-Q4,USD,6000.00,0.00,0.00,0.00,6000.00,PAID");

        // the current quarter closes early only when forced; then it is paid with its adjustments
        error(client.post("/api/v1/periods/2027-Q1/close", client.finance, "{}"), 409, "force");
        json(client.post("/api/v1/periods/2027-Q1/close", client.admin, "{\"force\": true}"), 200);
        json(client.post("/api/v1/periods/2027-Q1/pay", client.finance, ""), 200);
        String q1Payroll = text(request(APP, "/api/v1/payouts/2027-Q1", client.admin).accept("text/csv").get(), 200);
        assertThat(q1Payroll.lines()).contains("nora,Nora North,2027-Q1,USD,1000.00,3500.00,0.00,0.00,4500.00,PAID");
        assertThat(status(request(APP, "/api/v1/payouts/2027-Q1", manager).accept("text/csv").get())).isEqualTo(403);

        List<Map<String, Object>> periods = FinanceApiTest.list(client.get("/api/v1/periods", client.finance));
        assertThat(periods).filteredOn(period -> List.of("2026-Q4", "2027-Q1").contains(period.get("period")))
                .extracting(period -> period.get("period") + " " + period.get("status"))
                .containsExactly("2026-Q4 PAID", "2027-Q1 PAID");
        assertThat(status(client.get("/api/v1/periods", nora))).isEqualTo(403);
    }
}
