package dealdesk.web;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.Select;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static dealdesk.testing.TestApp.json;
import static dealdesk.testing.TestApp.request;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The finance console in a real Chromium on 2026-11-20: finance resolves alice's dispute with an adjustment
 * and force-closes the running quarter through the confirmation, on a phone and on a desktop.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class FinanceConsoleBrowserTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension(
            Clock.fixed(Instant.parse("2026-11-20T10:00:00Z"), ZoneOffset.UTC));
    static Browser browser;

    @BeforeAll
    static void startBrowser() {
        browser = Browser.start(TestApp.url(APP, ""));
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void financeResolvesAlicesDisputeAndClosesTheQuarterOnAPhone() {
        resolveAndClose(Browser.PHONE, "phone", "2026-Q1", "P1");
    }

    @Test
    void financeResolvesAlicesDisputeAndClosesTheQuarterOnADesktop() {
        resolveAndClose(Browser.DESKTOP, "desktop", "2026-Q2", "D1");
    }

    @Test
    void financePastesADraftPlanAndSeesEachRepsDifferenceAndTheTotalCost() throws Exception {
        String draft;
        try (var in = FinanceConsoleBrowserTest.class.getResourceAsStream("/commission/layered-plan.yaml")) {
            draft = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        browser.size(Browser.DESKTOP).signIn("finance").open("/finance");
        browser.type(By.id("whatif-plan"), "ae-layered");
        browser.type(By.id("whatif-period"), "2026-Q4");
        browser.script("document.getElementById('whatif-document').value = arguments[0];", draft);
        browser.find("#whatif-submit").click();
        browser.waitForText("#whatif-caption", "Plan ae-layered in 2026-Q4");
        assertThat(browser.text("#whatif-rows")).contains("alice").contains("bob");
        assertThat(browser.text("#whatif-total")).startsWith("Total cost");
        browser.screenshot("finance-whatif-desktop");
        browser.assertAccessible("the what-if result");
        // a draft for another plan is refused with the field named, nothing shown as a result
        browser.find("#whatif-plan").clear();
        browser.type(By.id("whatif-plan"), "no-such-plan");
        browser.find("#whatif-submit").click();
        browser.waitForText("#whatif-error", "id");
        browser.signOut();
    }

    @Test
    void aRepGetsTheNotAllowedPage() {
        browser.size(Browser.PHONE);
        browser.signIn("alice");
        browser.open("/finance");
        assertThat(browser.text("h1")).isEqualTo("Not allowed");
        assertThat(browser.all("a[href='/finance']")).isEmpty();
    }

    private void resolveAndClose(Dimension size, String device, String period, String transaction) {
        String finance = TestApp.token(APP, "finance");
        String alice = TestApp.token(APP, "alice");
        // alice's plan needs a quota in the quarter; each test books and closes a quarter of its own
        json(request(APP, "/api/v1/quotas/alice/" + period, finance).put(Entity.json("{\"amount\":200000}")), 200);
        // alice's booking in a quarter of its own, so each test closes its own period
        String month = period.endsWith("Q1") ? "02" : "05";
        String year = period.substring(0, 4);
        String bookings = "id,dealId,closeDate,sku,family,units,amount,currency,industry,dealType,splits\n"
                + transaction + ",D" + transaction + "," + year + "-" + month + "-10,X,CORE,1,40000,USD,RETAIL,NEW,alice:100\n";
        json(request(APP, "/api/v1/transactions", finance).post(Entity.entity(bookings, "text/csv")), 200);
        json(request(APP, "/api/v1/statements/alice/" + period, alice).get(), 200);
        Map<String, Object> dispute = json(request(APP, "/api/v1/disputes", alice).post(Entity.json(
                "{\"period\":\"" + period + "\",\"transactionId\":\"" + transaction + "\","
                        + "\"reason\":\"Signed for 45,000\",\"expectedAmount\":500}")), 201);
        Object id = dispute.get("id");

        browser.size(size);
        browser.signIn("finance");
        browser.find("nav a[href='/finance']").click();
        browser.waitUntil(d -> "true".equals(browser.find("#app").getAttribute("data-loaded")));
        assertThat(browser.path()).isEqualTo("/finance");
        browser.waitForText("#disputes", "Signed for 45,000");
        browser.screenshot("finance-" + device);
        browser.assertAccessible("the finance console on a " + device);

        browser.find("button[data-dispute='" + id + "']").click();
        browser.waitForText("#dispute-title", "Dispute " + id + ": alice, " + period);
        browser.waitForText("#dispute-lines", transaction);
        browser.type(By.id("comment-text"), "Checking the order form with sales ops");
        browser.find("#comment-submit").click();
        browser.waitForText("#dispute-comments", "Checking the order form with sales ops");
        new Select(browser.find("#resolution")).selectByValue("ADJUSTED");
        browser.type(By.id("resolve-reason"), "Order form says 45,000");
        browser.screenshot("finance-dispute-" + device);
        browser.assertAccessible("a dispute on a " + device);
        browser.type(By.id("resolve-amount"), "500");
        browser.find("#resolve-submit").click();
        browser.waitForText("#fin-notice", "Dispute " + id + " resolved: Adjusted.");
        browser.open("/finance");
        browser.waitUntil(d -> "true".equals(browser.find("#app").getAttribute("data-loaded")));
        browser.waitForText("#adjustments", "Order form says 45,000");

        browser.find("button[data-action='close'][data-period='" + period + "']").click();
        assertThat(browser.text("#period-confirm-text"))
                .isEqualTo("Close " + period + "? 1 statement changes from open to closed and can no longer change.");
        browser.find("#period-force").click();
        browser.screenshot("finance-close-" + device);
        browser.assertAccessible("the close confirmation on a " + device);
        browser.find("#period-confirm-yes").click();
        browser.waitForText("#fin-notice", period + " is now closed: 1 statements changed.");
        browser.waitForText("#periods li[data-period='" + period + "']", "Closed");
        assertThat(browser.find("#period-confirm").isDisplayed()).isFalse();
        browser.screenshot("finance-closed-" + device);
    }
}
