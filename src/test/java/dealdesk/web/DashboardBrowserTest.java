package dealdesk.web;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The rep dashboard in a real browser: statement lines by customer and product, why in plain words, the chart. */
class DashboardBrowserTest extends BrowserTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();

    @Test
    void aliceSeesHerStatementLinesByCustomerAndProductWithWhyInPlainWordsAndTheChart() {
        for (var size : List.of(Browser.PHONE, Browser.DESKTOP)) {
            String device = size == Browser.PHONE ? "phone" : "desktop";
            browser.size(size).signIn("alice");
            browser.open("/dashboard?period=2026-Q4");
            browser.waitUntil(driver -> browser.find("#dash-body").isDisplayed());

            List<String> titles = browser.all("#statement-lines .line-title").stream().map(WebElement::getText).toList();
            assertThat(titles).isNotEmpty().anyMatch(title -> title.startsWith("Globex Corporation · "))
                    .noneMatch(title -> title.startsWith("deal-"));
            WebElement why = browser.find("#statement-lines details.trace");
            why.findElement(org.openqa.selenium.By.tagName("summary")).click();
            String words = why.findElement(org.openqa.selenium.By.cssSelector(".why")).getText();
            assertThat(words).containsPattern("^[0-9.]+% (base|product) rate").doesNotContain("baseRate")
                    .doesNotContain("timing[");

            WebElement chart = browser.find("#earnings-chart");
            assertThat(chart.findElements(org.openqa.selenium.By.cssSelector("rect.chart-bar"))).hasSize(4);
            assertThat(chart.findElements(org.openqa.selenium.By.cssSelector("text.chart-period")))
                    .extracting(WebElement::getText).containsExactly("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4");
            assertThat(browser.find("#chart-desc").getAttribute("textContent")).contains("2026-Q4: earned $");
            assertThat(browser.find("#download-pdf").getText()).isEqualTo("Statement PDF");
            browser.screenshot("dashboard-" + device);
            browser.script("document.getElementById('history-card').scrollIntoView()");
            browser.screenshot("dashboard-chart-" + device);
            browser.assertAccessible("alice's dashboard on a " + device);
        }
    }

    @Test
    void theManagerSeesARepsDashboardFromTheTeam() {
        browser.size(Browser.DESKTOP).signIn("manager");
        browser.find("#member-bob a").click();
        browser.waitUntil(driver -> browser.path().startsWith("/dashboard?user=bob"));
        browser.waitUntil(driver -> browser.find("#dash-body").isDisplayed());
        assertThat(browser.text("h1")).isEqualTo("Bob Baker");
        assertThat(browser.all("#earnings-chart")).hasSize(1);
    }

    @Test
    void aliceReadsHerPlanInPlainWords() {
        browser.size(Browser.PHONE).signIn("alice");
        browser.find("nav a[href='/plan']").click();
        browser.waitUntil(driver -> browser.path().equals("/plan"));
        String page = browser.text("main");
        assertThat(page).contains("Your plan").contains("How you are paid").contains("of what is credited")
                .contains("Accelerators").containsPattern("(more to reach it|reached)")
                .doesNotContain("baseRate").doesNotContain("FIRST_DAYS");
        browser.screenshot("plan-phone");
        browser.assertAccessible("alice's plan");
    }

    @Test
    void aliceListsHerDealsOpenOnesFirst() {
        browser.size(Browser.PHONE).signIn("alice");
        browser.find("nav a[href='/deals']").click();
        browser.waitUntil(driver -> browser.path().equals("/deals"));
        List<String> deals = browser.all("#deal-list li strong").stream().map(WebElement::getText).toList();
        assertThat(deals).contains("Umbrella Health", "Globex Corporation");
        assertThat(deals.indexOf("Umbrella Health")).isLessThan(deals.indexOf("Globex Corporation"));
        browser.screenshot("deals-phone");
        browser.assertAccessible("the deal list");
    }
}
