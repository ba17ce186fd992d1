package dealdesk.web;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dealdesk.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/** The manager's pages in a real browser: the team, the approvals inbox, the quote list, and the 404 page. */
class ApprovalsBrowserTest extends BrowserTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();

    /** Alice's quote for a new deal, saved (not submitted); returns its id. */
    static long aliceQuote(String customer, int discount) {
        String alice = TestApp.token(APP, "alice");
        Map<String, Object> deal = json(TestApp.request(APP, "/api/v1/deals", alice).post(Entity.json(Map.of(
                "account", Map.of("name", customer, "industry", "RETAIL"),
                "expectedCloseDate", "2026-12-15", "stage", "PROPOSAL"))), 201);
        Map<String, Object> quote = json(TestApp.request(APP, "/api/v1/quotes", alice).post(Entity.json(Map.of(
                "dealId", deal.get("id"),
                "customer", Map.of("name", customer, "segment", "COMMERCIAL", "industry", "RETAIL", "country", "US",
                        "locale", "en-US"),
                "currency", "USD", "priceBook", "Standard USD", "termMonths", 12, "startDate", "2026-11-01",
                "lines", List.of(Map.of("sku", "CRM-PRO", "quantity", 10, "discountPercent", discount))))), 201);
        return ((Number) quote.get("id")).longValue();
    }

    static void submit(long quoteId) {
        json(TestApp.request(APP, "/api/v1/quotes/" + quoteId + "/submit", TestApp.token(APP, "alice"))
                .post(Entity.json(Map.of())), 200);
    }

    @Test
    void theManagerApprovesFromTheInboxWithACommentAndSeesWhatChanged() {
        String customer = "Inbox " + UUID.randomUUID().toString().substring(0, 6);
        long id = aliceQuote(customer, 12);
        submit(id);
        // the manager approves version 1, alice then raises the discount: version 2 asks again
        json(TestApp.request(APP, "/api/v1/quotes/" + id + "/approve", TestApp.token(APP, "manager"))
                .post(Entity.json(Map.of("comment", "ok"))), 200);
        String alice = TestApp.token(APP, "alice");
        json(TestApp.request(APP, "/api/v1/quotes/" + id, alice).put(Entity.json(Map.of("version", 1,
                "customer", Map.of("name", customer, "segment", "COMMERCIAL", "industry", "RETAIL", "country", "US",
                        "locale", "en-US"),
                "currency", "USD", "priceBook", "Standard USD", "termMonths", 24, "startDate", "2026-11-01",
                "lines", List.of(Map.of("sku", "CRM-PRO", "quantity", 20, "discountPercent", 18))))), 200);
        submit(id);

        for (var size : List.of(Browser.PHONE, Browser.DESKTOP)) {
            String device = size == Browser.PHONE ? "phone" : "desktop";
            browser.size(size).signIn("manager");
            assertThat(browser.path()).isEqualTo("/team");
            assertThat(browser.text("#member-alice")).contains("Alice Anders").contains("awaiting your approval");
            browser.screenshot("team-" + device);
            browser.assertAccessible("the team page on a " + device);

            browser.find("#team-awaiting").click();
            browser.waitUntil(driver -> browser.path().equals("/approvals"));
            String card = browser.text("#approval-" + id);
            assertThat(card).contains(customer).contains("Manager:")
                    .contains("Since version 1, the last approved")
                    .contains("Term 12 months → 24 months")
                    .contains("CRM-PRO quantity 10 → 20")
                    .contains("CRM-PRO discount 12% → 18%");
            browser.screenshot("approvals-" + device);
            browser.assertAccessible("the approvals inbox on a " + device);
        }

        browser.type(By.id("comment-" + id), "Fine for a two-year term");
        browser.find("#approval-" + id + " button[type=submit]:not([formaction])").click();
        browser.waitForText("#approvals-notice", "Quote " + id + " approved.");
        assertThat(browser.all("#approval-" + id)).isEmpty();
        Map<String, Object> quote = json(TestApp.request(APP, "/api/v1/quotes/" + id, alice).get(), 200);
        assertThat(quote.get("status")).isEqualTo("APPROVED");
        assertThat(quote.get("approvals").toString()).contains("Fine for a two-year term");
    }

    @Test
    void theManagerRejectsInPlace() {
        String customer = "Reject " + UUID.randomUUID().toString().substring(0, 6);
        long id = aliceQuote(customer, 15);
        submit(id);
        browser.size(Browser.DESKTOP).signIn("manager");
        browser.open("/approvals");
        browser.type(By.id("comment-" + id), "Too deep");
        browser.find("#approval-" + id + " button[formaction]").click();
        browser.waitForText("#approvals-notice", "Quote " + id + " rejected.");
        Map<String, Object> quote = json(TestApp.request(APP, "/api/v1/quotes/" + id, TestApp.token(APP, "alice")).get(), 200);
        assertThat(quote.get("status")).isEqualTo("REJECTED");
    }

    @Test
    void aRepSearchesHerQuotesAndFiltersByStatus() {
        String tag = "Listed" + UUID.randomUUID().toString().substring(0, 6);
        long draft = aliceQuote(tag + " Draft", 0);
        long pending = aliceQuote(tag + " Pending", 15);
        submit(pending);

        browser.size(Browser.PHONE).signIn("alice");
        browser.open("/quotes");
        browser.type(By.id("q"), tag);
        browser.find("form.toolbar button[type=submit]").click();
        browser.waitUntil(driver -> browser.path().startsWith("/quotes?"));
        assertThat(browser.all("#quote-list li")).extracting(li -> li.getAttribute("data-quote"))
                .containsExactly(Long.toString(pending), Long.toString(draft));
        browser.screenshot("quotes-phone");
        browser.assertAccessible("the quote list on a phone");

        new org.openqa.selenium.support.ui.Select(browser.find("#status")).selectByValue("PENDING_APPROVAL");
        browser.find("form.toolbar button[type=submit]").click();
        browser.waitUntil(driver -> browser.path().contains("status=PENDING_APPROVAL"));
        assertThat(browser.all("#quote-list li")).extracting(li -> li.getAttribute("data-quote"))
                .containsExactly(Long.toString(pending));
        browser.find("#quote-list a").click();
        browser.waitUntil(driver -> browser.path().equals("/quotes/" + pending));
    }

    @Test
    void anUnknownAddressIsAPageForABrowserAndJsonForTheApi() {
        browser.size(Browser.PHONE).signIn("alice");
        browser.open("/no/such/page");
        assertThat(browser.text("#error-page")).contains("Not found").contains("There is no page at this address.");
        browser.screenshot("not-found-phone");
        browser.assertAccessible("the 404 page");
        try (var response = TestApp.request(APP, "/api/v1/nothing-here", null).get()) {
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.getMediaType().toString()).startsWith("application/json");
        }
        try (var response = APP.client().target(TestApp.url(APP, "/no/such/page")).request("text/html").get()) {
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(response.readEntity(String.class)).contains("There is no page at this address.");
        }
    }
}
