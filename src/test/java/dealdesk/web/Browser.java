package dealdesk.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real headless Chromium (Debian's chromium driven by its chromedriver) pointed at a running dealdesk.
 * One per test class: starting a browser costs a second or two, a page load a few milliseconds.
 * Without the browser the tests are skipped on a developer's machine, but in CI (CI=true) they fail:
 * a browser test that silently does not run proves nothing.
 */
public final class Browser implements AutoCloseable {
    public static final Dimension PHONE = new Dimension(390, 844);
    public static final Dimension DESKTOP = new Dimension(1280, 800);
    static final Path CHROMIUM = Path.of(System.getProperty("dealdesk.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("dealdesk.chromedriver", "/usr/bin/chromedriver"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static String axeSource;
    /** Held so that it is not collected: Selenium's notice that it has no DevTools bindings for this Chromium. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    static {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final String base;
    private final String mainWindow;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
        this.mainWindow = driver.getWindowHandle();
    }

    /** A browser for the service at {@code base} (like http://localhost:1234), at desktop size. */
    public static Browser start(String base) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!present) {
            String missing = "no browser: " + CHROMIUM + " and " + CHROMEDRIVER
                    + " are needed (apt-get install chromium chromium-driver)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--disable-extensions", "--no-first-run", "--disable-background-networking",
                "--disable-features=Translate,MediaRouter,OptimizationHints", "--mute-audio",
                "--lang=en-US", "--window-size=" + DESKTOP.width + "," + DESKTOP.height);
        options.setExperimentalOption("prefs", Map.of(
                "download.default_directory", downloads().toAbsolutePath().toString(),
                "download.prompt_for_download", false,
                "plugins.always_open_pdf_externally", true));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, base);
    }

    static Path downloads() {
        Path directory = Path.of("target", "downloads").toAbsolutePath();
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return directory;
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Closes every tab but the one the browser started with (a proposal opens in its own) and goes back to it. */
    public void closeOtherWindows() {
        for (String handle : List.copyOf(driver.getWindowHandles())) {
            if (!handle.equals(mainWindow)) {
                driver.switchTo().window(handle).close();
            }
        }
        driver.switchTo().window(mainWindow);
    }

    /** Sets the viewport's size: {@link #PHONE} or {@link #DESKTOP}. */
    public Browser size(Dimension size) {
        closeOtherWindows();
        driver.manage().window().setSize(size);
        // headless windows have no browser chrome, but make sure the layout viewport is the asked width
        Number inner = (Number) driver.executeScript("return window.innerWidth");
        if (inner != null && inner.intValue() > 0 && inner.intValue() != size.width) {
            driver.manage().window().setSize(new Dimension(size.width * 2 - inner.intValue(), size.height));
        }
        return this;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        String url = driver.getCurrentUrl();
        return url.startsWith(base) ? url.substring(base.length()) : url;
    }

    /** Signs in through the sign-in form, as a person would. */
    public Browser signIn(String username, String password) {
        driver.manage().deleteAllCookies();
        open("/");
        type(By.id("username"), username);
        type(By.id("password"), password);
        driver.findElement(By.cssSelector(".signin button[type=submit]")).click();
        waitUntil(d -> !path().equals("/") || !d.findElements(By.id("signin-error")).isEmpty());
        return this;
    }

    public Browser signIn(String username) {
        return signIn(username, "demo");
    }

    /** Signs out with the top bar's button. */
    public Browser signOut() {
        driver.findElement(By.cssSelector("form.signout button")).click();
        waitUntil(d -> path().equals("/") || path().startsWith("/?"));
        return this;
    }

    public void type(By by, String text) {
        WebElement input = driver.findElement(by);
        input.clear();
        input.sendKeys(text);
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    public <T> T waitUntil(ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(condition);
    }

    /** Waits until the element is shown and its text contains {@code expected}. */
    public WebElement waitForText(String css, String expected) {
        try {
            return waitUntil(d -> {
                List<WebElement> found = d.findElements(By.cssSelector(css));
                return found.stream().filter(element -> element.isDisplayed() && element.getText().contains(expected))
                        .findFirst().orElse(null);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            String seen = driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText)
                    .collect(Collectors.joining(" | "));
            throw new AssertionError("waited for \"" + expected + "\" in " + css + " on " + path() + ", saw: " + seen, e);
        }
    }

    public Object script(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Saves a screenshot as target/screenshots/NAME.png (look at them: the layout is half of a page). */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Runs axe-core (vendored from npm under src/test/resources/axe) on the page as it is now and returns
     * the serious and critical violations, one line each: rule, impact, help, the first offending nodes.
     */
    @SuppressWarnings("unchecked")
    public List<String> seriousAccessibilityProblems() {
        if (driver.executeScript("return typeof window.axe") .equals("undefined")) {
            driver.executeScript(axe());
        }
        String json = (String) driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                        + "axe.run(document, {resultTypes: ['violations']})"
                        + ".then(function (r) { done(JSON.stringify(r.violations)); },"
                        + " function (e) { done(JSON.stringify([{id: 'axe-failed', impact: 'critical', help: String(e), nodes: []}])); });");
        try {
            List<Map<String, Object>> violations = MAPPER.readValue(json, List.class);
            return violations.stream()
                    .filter(v -> "serious".equals(v.get("impact")) || "critical".equals(v.get("impact")))
                    .map(v -> v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at "
                            + ((List<Map<String, Object>>) v.get("nodes")).stream().limit(3)
                            .map(node -> String.valueOf(node.get("target"))).collect(Collectors.joining(", ")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails with axe's words when the page has a serious or critical accessibility problem. */
    public void assertAccessible(String what) {
        assertThat(seriousAccessibilityProblems()).as("axe-core on " + what + " (" + path() + ")").isEmpty();
    }

    private static synchronized String axe() {
        if (axeSource == null) {
            try (InputStream in = Browser.class.getResourceAsStream("/axe/axe.min.js")) {
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return axeSource;
    }

    @Override
    public void close() {
        driver.quit();
    }
}
