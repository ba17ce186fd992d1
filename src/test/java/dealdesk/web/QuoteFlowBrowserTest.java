package dealdesk.web;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dealdesk.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A rep's day in a real browser: a deal with its business case, a quote with a bundle that prices as she types and
 * shows what it pays her, submitted; the manager approves it from the inbox; she opens the proposal.
 */
class QuoteFlowBrowserTest extends BrowserTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();

    @Test
    @SuppressWarnings("unchecked")
    void aRepQuotesABundleTheManagerApprovesAndTheRepOpensTheProposal() {
        String account = "Flow " + UUID.randomUUID().toString().substring(0, 6);
        browser.size(Browser.PHONE).signIn("alice");

        // a deal, with its business case
        browser.open("/deals/new");
        browser.type(By.id("accountName"), account);
        browser.type(By.id("industry"), "healthcare");
        new Select(browser.find("#stage")).selectByValue("PROPOSAL");
        browser.script("document.getElementById('expectedCloseDate').value = '2026-12-20'");
        browser.type(By.id("problem"), "Quotes take a week to approve");
        browser.find("input[name=budgetConfirmed]").click();
        browser.screenshot("deal-new-phone");
        browser.assertAccessible("the new deal form");
        browser.find("#deal-save").click();
        browser.waitForText("#deal-saved", "Saved.");
        String dealPath = browser.path().replace("?saved=1", "");
        assertThat(browser.find("#problem").getAttribute("value")).isEqualTo("Quotes take a week to approve");
        assertThat(browser.find("input[name=budgetConfirmed]").isSelected()).isTrue();

        // a quote for it: the bundle brings its required options, the summary shows the pay and the approvals
        browser.find("#deal-new-quote").click();
        browser.waitUntil(driver -> browser.path().startsWith("/quotes/new"));
        assertThat(browser.find("#customerName").getAttribute("value")).isEqualTo(account);
        assertThat(new Select(browser.find("#locale")).getOptions()).extracting(WebElement::getText)
                .containsExactly("English (US)", "English (UK)", "Türkçe", "Magyar", "Azərbaycan dili", "日本語", "فارسی");
        new Select(browser.find("#sku-0")).selectByValue("BDL-STARTER");
        browser.waitForText("#action-status", "Added the bundle's options: CRM-STD (required), SVC-ONBOARD (required)");
        List<WebElement> skus = browser.all("[data-field=sku]");
        assertThat(skus).extracting(sku -> sku.getAttribute("value")).containsExactly("BDL-STARTER", "CRM-STD", "SVC-ONBOARD");
        WebElement discount = browser.all("[data-field=discountPercent]").get(1);
        discount.clear();
        discount.sendKeys("12");
        browser.waitForText("#summary-approvals", "Manager");
        browser.waitUntil(driver -> !browser.text("#summary-pay").isEmpty());

        // typing in the last line on a phone: the field is in sight, not under the sticky summary
        WebElement last = browser.all("[data-field=quantity]").get(2);
        last.click();
        browser.waitUntil(driver -> (Boolean) browser.script(
                "var box = arguments[0].getBoundingClientRect();"
                        + "var bar = document.getElementById('summary-bar').getBoundingClientRect();"
                        + "return box.top >= bar.bottom && box.bottom <= window.innerHeight;", last));
        browser.screenshot("quote-builder-phone");
        browser.assertAccessible("the quote builder on a phone");

        browser.find("#save").click();
        browser.waitUntil(driver -> browser.path().matches("/quotes/[0-9]+"));
        String quoteId = browser.path().substring("/quotes/".length());
        browser.waitUntil(driver -> browser.find("#submit").isEnabled());
        browser.find("#submit").click();
        browser.waitForText("#action-status", "Submitted for approval.");
        assertThat(browser.text("#quote-status")).isEqualTo("Pending approval");

        // the manager approves it from the inbox
        browser.size(Browser.DESKTOP).signIn("manager");
        browser.open("/approvals");
        browser.find("#approval-" + quoteId + " button[type=submit]:not([formaction])").click();
        browser.waitForText("#approvals-notice", "Quote " + quoteId + " approved.");

        // the rep opens the approved quote: read-only, and the proposal is a PDF
        browser.size(Browser.DESKTOP).signIn("alice");
        browser.open("/quotes/" + quoteId);
        assertThat(browser.text("#quote-status")).isEqualTo("Approved");
        assertThat(browser.text("#read-only-notice")).contains("approved: it no longer changes");
        assertThat(browser.all("#save")).isEmpty();
        assertThat(browser.find("#quote-fields").getAttribute("disabled")).isNotNull();
        browser.screenshot("quote-approved-desktop");
        browser.assertAccessible("an approved quote");
        String window = browser.driver().getWindowHandle();
        browser.find("#proposal").click();
        WebElement link = browser.waitForText("#action-status a", "Download the proposal PDF");
        assertThat(link.getAttribute("download")).isEqualTo("proposal-" + quoteId + ".pdf");
        browser.driver().switchTo().window(window);
        java.nio.file.Path pdf = Browser.downloads().resolve("proposal-" + quoteId + ".pdf");
        link.click();
        browser.waitUntil(driver -> java.nio.file.Files.isRegularFile(pdf));
        assertThat(new String(readAll(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        browser.closeOtherWindows();

        // the deal lists its quote
        browser.open(dealPath);
        assertThat(browser.text("aside")).contains("Quote " + quoteId).contains("Approved");
    }

    static byte[] readAll(java.nio.file.Path file) {
        try {
            return java.nio.file.Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aQuoteWaitingForApprovalChangesOnlyAfterTheWarning() {
        String alice = TestApp.token(APP, "alice");
        Map<String, Object> found = json(TestApp.request(APP, "/api/v1/quotes?q=Umbrella&status=PENDING_APPROVAL", alice)
                .get(), 200);
        @SuppressWarnings("unchecked")
        Object id = ((List<Map<String, Object>>) found.get("items")).get(0).get("id");
        browser.size(Browser.PHONE).signIn("alice");
        browser.open("/quotes/" + id);
        assertThat(browser.text("#resubmit-warning")).contains("its approvals are asked for again");
        assertThat(browser.find("#quote-fields").getAttribute("disabled")).isNotNull();
        assertThat(browser.find("#save").isEnabled()).isFalse();
        browser.screenshot("quote-pending-phone");
        browser.find("#unlock").click();
        assertThat(browser.find("#quote-fields").getAttribute("disabled")).isNull();
        assertThat(browser.find("#save").isEnabled()).isTrue();
    }

    @Test
    void anAcceptedQuoteShowsWhatTheDealPaidAndABelowFloorLineSaysHowFarTheRepMayGo() {
        String alice = TestApp.token(APP, "alice");
        Map<String, Object> found = json(TestApp.request(APP, "/api/v1/quotes?q=Globex&status=ACCEPTED", alice).get(), 200);
        @SuppressWarnings("unchecked")
        Object id = ((List<Map<String, Object>>) found.get("items")).get(0).get("id");
        browser.size(Browser.DESKTOP).signIn("alice");
        browser.open("/quotes/" + id);
        assertThat(browser.text("#paid-card")).startsWith("What this deal paid you").contains("$");
        assertThat(browser.all("#estimate-card")).isEmpty();
        browser.screenshot("quote-accepted-desktop");

        browser.open("/quotes/new");
        browser.type(By.id("customerName"), "Floor Test Inc");
        new Select(browser.find("#sku-0")).selectByValue("CRM-PRO");
        WebElement discount = browser.find("#discount-0");
        discount.clear();
        discount.sendKeys("45");
        browser.waitForText("#errors", "CRM-PRO at 55.00 USD is below its floor of 60.00 USD: the largest discount allowed is 40%");
    }
}
