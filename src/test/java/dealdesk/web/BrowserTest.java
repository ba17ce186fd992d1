package dealdesk.web;

import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The base of the tests that drive a real Chromium: the test class declares
 * {@code static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();}, and one browser
 * is started for the class once the app runs, and quit after its last test.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
abstract class BrowserTest {
    static Browser browser;

    @BeforeAll
    static void startBrowser(TestInfo info) throws ReflectiveOperationException {
        Class<?> testClass = info.getTestClass().orElseThrow();
        DropwizardAppExtension<?> app = (DropwizardAppExtension<?>) testClass.getDeclaredField("APP").get(null);
        browser = Browser.start("http://localhost:" + app.getLocalPort());
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
