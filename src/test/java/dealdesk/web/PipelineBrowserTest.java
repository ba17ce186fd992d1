package dealdesk.web;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pipeline page in a real browser: a rep's coverage, funnel and flagged deals on a phone, a manager's team. */
class PipelineBrowserTest extends BrowserTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();

    @Test
    void aliceSeesHerFunnelAndAFlaggedDealWithItsMessageOnAPhone() {
        browser.size(Browser.PHONE).signIn("alice");
        browser.find("#pipeline-link").click();
        browser.waitUntil(driver -> browser.path().startsWith("/pipeline"));
        assertThat(browser.text("h1")).isEqualTo("Your pipeline");
        assertThat(browser.text("#figure-quota")).contains("Quota");
        assertThat(browser.text("#figure-coverage")).contains("Coverage of the gap");
        List<String> stages = browser.all("#funnel .funnel-name").stream().map(WebElement::getText).toList();
        assertThat(stages).isNotEmpty();
        assertThat(browser.text("#funnel")).contains("reached").contains("Plan:").doesNotContain("PROSPECTING");
        List<WebElement> flagged = browser.all("#attention .attention-deal");
        assertThat(flagged).isNotEmpty();
        assertThat(flagged.get(0).findElement(org.openqa.selenium.By.cssSelector(".flag-messages li")).getText())
                .isNotBlank().doesNotContain("NO_");
        assertThat(flagged.get(0).findElement(org.openqa.selenium.By.cssSelector("a")).getAttribute("href"))
                .matches(".*/deals/[0-9]+");
        assertThat((Long) browser.script("return document.documentElement.scrollWidth - window.innerWidth"))
                .as("nothing wider than the phone").isLessThanOrEqualTo(0L);
        browser.screenshot("pipeline-phone");
        browser.script("document.getElementById('funnel').scrollIntoView()");
        browser.screenshot("pipeline-funnel-phone");
        browser.script("document.getElementById('forecast').scrollIntoView()");
        browser.screenshot("pipeline-forecast-phone");
        browser.script("document.getElementById('attention').scrollIntoView()");
        browser.screenshot("pipeline-attention-phone");
        browser.assertAccessible("alice's pipeline on a phone");
    }

    @Test
    void theManagerSeesTheTeamPipelineOnADesktop() {
        browser.size(Browser.DESKTOP).signIn("manager");
        browser.find("nav a[href='/pipeline']").click();
        browser.waitUntil(driver -> browser.path().startsWith("/pipeline"));
        assertThat(browser.text("h1")).isEqualTo("Your team's pipeline");
        assertThat(browser.all("#funnel .funnel-stage")).isNotEmpty();
        assertThat(browser.text("#forecast")).contains("Forecast categories");
        browser.screenshot("pipeline-team-desktop");
        browser.assertAccessible("the manager's team pipeline");
    }

    @Test
    void aPeriodThatIsNotOneSaysSoInsteadOfFailing() {
        browser.size(Browser.PHONE).signIn("alice");
        browser.open("/pipeline?period=someday");
        assertThat(browser.text("main")).doesNotContain("Internal").doesNotContain("500");
        assertThat(browser.text("h1")).isEqualTo("Cannot show this page");
    }
}
