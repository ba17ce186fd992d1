package dealdesk.web;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.Dimension;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in and out through the form in a real Chromium, for each role, on a phone and on a desktop. */
class SignInBrowserTest extends BrowserTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();

    /** Where each role lands after signing in: never a page that only says it has nothing to show. */
    static final Map<String, String> LANDING = Map.of(
            "alice", "/dashboard",
            "manager", "/team",
            "finance", "/finance",
            "admin", "/finance");

    @Test
    void eachRoleSignsInAndOutOnAPhone() {
        signInAndOutAsEachRole(Browser.PHONE, "phone");
    }

    @Test
    void eachRoleSignsInAndOutOnADesktop() {
        signInAndOutAsEachRole(Browser.DESKTOP, "desktop");
    }

    private void signInAndOutAsEachRole(Dimension size, String device) {
        browser.size(size);
        browser.driver().manage().deleteAllCookies();
        browser.open("/");
        browser.screenshot("signin-" + device);
        browser.assertAccessible("the sign-in page on a " + device);
        LANDING.forEach((username, landing) -> {
            browser.signIn(username);
            assertThat(browser.path()).as(username + " lands").isEqualTo(landing);
            assertThat(browser.all("#signin-error")).as("no sign-in error for " + username).isEmpty();
            assertThat(browser.all(".notice.bad")).as("no error on " + username + "'s landing page").isEmpty();
            assertThat(browser.find("form.signout button").getAttribute("title")).startsWith("Signed in as");
            assertThat((String) browser.script("const menu = document.querySelector('.topbar nav');"
                    + "return [...menu.querySelectorAll('a')].filter(a => { const box = a.getBoundingClientRect();"
                    + " return box.left < 0 || box.right > window.innerWidth + 0.5 || a.scrollWidth > a.clientWidth + 1;"
                    + " }).map(a => a.textContent.trim()).join(', ')"))
                    .as("menu items of " + username + " cut or out of view on a " + device).isEmpty();
            browser.screenshot("landing-" + username + "-" + device);
            browser.assertAccessible(username + "'s landing page on a " + device);

            browser.signOut();
            assertThat(browser.find("#username").isDisplayed()).isTrue();
            // the session is over: the landing page asks to sign in again
            browser.open(landing);
            assertThat(browser.path()).startsWith("/?next=");
        });
    }

    @Test
    void aWrongPasswordSaysSoAndKeepsTheUsername() {
        browser.size(Browser.PHONE);
        browser.signIn("alice", "not-her-password");
        assertThat(browser.text("#signin-error")).isEqualTo("Wrong username or password.");
        assertThat(browser.find("#username").getAttribute("value")).isEqualTo("alice");
        browser.assertAccessible("the sign-in page with an error");
    }

    @Test
    void aPageAskedForBeforeSigningInOpensAfterIt() {
        browser.size(Browser.DESKTOP);
        browser.driver().manage().deleteAllCookies();
        browser.open("/quotes/new");
        assertThat(browser.path()).startsWith("/?next=");
        browser.type(org.openqa.selenium.By.id("username"), "alice");
        browser.type(org.openqa.selenium.By.id("password"), "demo");
        browser.find(".signin button[type=submit]").click();
        browser.waitUntil(driver -> browser.path().equals("/quotes/new"));
    }
}
