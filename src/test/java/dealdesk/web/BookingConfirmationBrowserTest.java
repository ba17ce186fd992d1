package dealdesk.web;

import static dealdesk.testing.TestApp.json;
import static dealdesk.testing.TestApp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A rep's own closed-won deal in a real browser: pending on her dashboard, confirmed with one button by her
 * manager on /approvals and by finance on the finance console, on a phone and a desktop.
 */
class BookingConfirmationBrowserTest extends BrowserTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();

    @BeforeAll
    static void bellaOnAPlan() {
        String admin = TestApp.token(APP, "admin");
        String finance = TestApp.token(APP, "finance");
        json(request(APP, "/api/v1/users", admin).post(Entity.json(Map.of("username", "bella", "name", "Bella Brandt",
                "role", "REP", "password", "demo", "manager", "manager"))), 201);
        json(request(APP, "/api/v1/plans/bella-plan", finance).put(Entity.entity("""
                id: bella-plan
                effectiveFrom: 2026-01-01
                period: QUARTER
                currency: USD
                creditBasis: ACV
                baseRate: 0.10
                """, MediaType.valueOf("application/yaml"))), 200);
        json(request(APP, "/api/v1/plans/bella-plan/assignments/bella", finance)
                .put(Entity.json(Map.of("from", "2026-01-01"))), 200);
        json(request(APP, "/api/v1/quotas/bella/2026-Q4", finance).put(Entity.json(Map.of("amount", 500000))), 200);
    }

    /** A deal Bella closed won herself once the customer accepted: pending. Returns {dealId, account}. */
    static String[] closedByBella(String tag) {
        String bella = TestApp.token(APP, "bella");
        String account = tag + " " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> deal = json(request(APP, "/api/v1/deals", bella).post(Entity.json(Map.of(
                "account", Map.of("name", account, "industry", "RETAIL"),
                "expectedCloseDate", "2026-12-10", "stage", "PROPOSAL"))), 201);
        Object dealId = deal.get("id");
        Map<String, Object> quote = json(request(APP, "/api/v1/quotes", bella).post(Entity.json(Map.of("dealId", dealId,
                "customer", Map.of("name", account, "segment", "COMMERCIAL", "industry", "RETAIL", "country", "US",
                        "locale", "en-US"),
                "currency", "USD", "priceBook", "Standard USD", "termMonths", 12, "startDate", "2026-11-01",
                "lines", List.of(Map.of("sku", "CRM-PRO", "quantity", 10, "discountPercent", 0))))), 201);
        String quotePath = "/api/v1/quotes/" + quote.get("id");
        for (String step : List.of("/submit", "/present", "/accept")) {
            json(request(APP, quotePath + step, bella).post(Entity.json(Map.of())), 200);
        }
        json(request(APP, "/api/v1/deals/" + dealId + "/close-won", bella)
                .post(Entity.json(Map.of("closeDate", "2026-11-20"))), 200);
        return new String[] {dealId.toString(), account};
    }

    @Test
    void theRepSeesHerCommissionPendingAndHerManagerConfirmsItOnTheApprovalsPage() {
        for (var size : List.of(Browser.PHONE, Browser.DESKTOP)) {
            String device = size == Browser.PHONE ? "phone" : "desktop";
            String[] deal = closedByBella("Pending " + device);

            browser.size(size).signIn("bella");
            browser.open("/dashboard");
            assertThat(browser.text("#pending-" + deal[0])).contains(deal[1]).contains("pending");
            assertThat(browser.text("#pending-bookings")).contains("neither earned nor payable");
            browser.screenshot("dashboard-pending-" + device);
            browser.assertAccessible("the dashboard with a pending booking on a " + device);

            browser.signIn("manager");
            browser.open("/approvals");
            assertThat(browser.text("#booking-" + deal[0])).contains(deal[1]).contains("Bella Brandt")
                    .contains("pending");
            browser.screenshot("approvals-booking-" + device);
            browser.assertAccessible("the approvals page with a booking to confirm on a " + device);
            browser.find("#booking-" + deal[0] + " button[type=submit]").click();
            browser.waitForText("#approvals-notice", "Booking of deal " + deal[0] + " confirmed");
            assertThat(browser.all("#booking-" + deal[0])).isEmpty();

            browser.signIn("bella");
            browser.open("/dashboard");
            assertThat(browser.all("#pending-" + deal[0])).isEmpty();
        }
    }

    @Test
    void financeConfirmsFromTheFinanceConsole() {
        for (var size : List.of(Browser.PHONE, Browser.DESKTOP)) {
            String device = size == Browser.PHONE ? "phone" : "desktop";
            String[] deal = closedByBella("Finance " + device);

            browser.size(size).signIn("finance");
            browser.open("/finance");
            browser.waitForText("#booking-" + deal[0], deal[1]);
            assertThat(browser.text("#booking-" + deal[0])).contains("Bella Brandt").contains("pending");
            browser.screenshot("finance-booking-" + device);
            browser.assertAccessible("the finance console with a booking to confirm on a " + device);
            browser.find("#booking-" + deal[0] + " button").click();
            browser.waitForText("#bookings-notice", "Booking of deal " + deal[0] + " confirmed");
            browser.waitUntil(driver -> browser.all("#booking-" + deal[0]).isEmpty());

            Map<String, Object> statement = json(request(APP, "/api/v1/statements/bella/2026-Q4",
                    TestApp.token(APP, "bella")).get(), 200);
            assertThat(statement.get("lines").toString()).contains("deal-" + deal[0] + "-1");
        }
    }
}
