package dealdesk.web;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.core.Form;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.client.ClientProperties;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages end to end: sign-in and its cookie, redirects, rendering for the demo users, escaping. */
@ExtendWith(DropwizardExtensionsSupport.class)
class PagesTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();
    static String aliceSession;

    @BeforeAll
    static void signIn() {
        aliceSession = sessionOf("alice");
    }

    /** Signs in through the form and returns the session cookie's value. */
    static String sessionOf(String username) {
        try (Response response = login(username, "demo", null)) {
            assertThat(response.getStatus()).isEqualTo(303);
            return response.getCookies().get(SessionCookie.NAME).getValue();
        }
    }

    static Response login(String username, String password, String next) {
        Form form = new Form();
        if (username != null) {
            form.param("username", username);
        }
        if (password != null) {
            form.param("password", password);
        }
        if (next != null) {
            form.param("next", next);
        }
        String csrf = csrfToken();
        return page("/login", null).cookie(Csrf.COOKIE, csrf).post(Entity.form(form.param(Csrf.FIELD, csrf)));
    }

    /** What a browser gets with the sign-in page: the form's token, the same as its cookie's. */
    static String csrfToken() {
        try (Response response = page("/", null).get()) {
            String token = response.getCookies().get(Csrf.COOKIE).getValue();
            assertThat(html(response)).contains("name=\"csrf\" value=\"" + token + "\"");
            return token;
        }
    }

    /** A browser-like request that does not follow redirects, with the session cookie when given. */
    static Invocation.Builder page(String path, String session) {
        Invocation.Builder builder = APP.client().target(TestApp.url(APP, path))
                .property(ClientProperties.FOLLOW_REDIRECTS, false)
                .request(MediaType.TEXT_HTML_TYPE);
        return session == null ? builder : builder.cookie(SessionCookie.NAME, session);
    }

    static String html(Response response) {
        assertThat(response.getMediaType().toString()).startsWith("text/html");
        return response.readEntity(String.class);
    }

    static String location(Response response) {
        URI location = response.getLocation();
        return location.getRawPath() + (location.getRawQuery() == null ? "" : "?" + location.getRawQuery());
    }

    @Test
    void signingInSetsAnHttpOnlyStrictSessionCookieAndRedirectsToTheDashboard() {
        try (Response response = login("alice", "demo", null)) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(location(response)).isEqualTo("/dashboard");
            String setCookie = response.getHeaderString(HttpHeaders.SET_COOKIE);
            assertThat(setCookie).startsWith(SessionCookie.NAME + "=").contains("HttpOnly").contains("SameSite=Strict")
                    .contains("Path=/");
            String session = response.getCookies().get(SessionCookie.NAME).getValue();
            try (Response dashboard = page("/dashboard", session).get()) {
                assertThat(dashboard.getStatus()).isEqualTo(200);
                assertThat(html(dashboard)).contains("Alice Anders");
            }
        }
    }

    @Test
    void signingInGoesBackToThePageAskedForButNeverToAnotherSite() {
        try (Response response = login("alice", "demo", "/quotes/new")) {
            assertThat(location(response)).isEqualTo("/quotes/new");
        }
        try (Response response = login("alice", "demo", "https://evil.example/steal")) {
            assertThat(location(response)).isEqualTo("/dashboard");
        }
        try (Response response = login("alice", "demo", "//evil.example/steal")) {
            assertThat(location(response)).isEqualTo("/dashboard");
        }
    }

    @Test
    void aSignInFormPostedFromAnotherSiteIsRefused() {
        String csrf = csrfToken();
        Form form = new Form().param("username", "alice").param("password", "demo").param(Csrf.FIELD, csrf);
        // another site cannot read our cookie: without the pair, or with a pair from elsewhere, no session
        try (Response response = page("/login", null).post(Entity.form(form))) {
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.getCookies()).doesNotContainKey(SessionCookie.NAME);
            assertThat(html(response)).contains("Please sign in again");
        }
        try (Response response = page("/login", null).cookie(Csrf.COOKIE, csrfToken()).post(Entity.form(form))) {
            assertThat(response.getStatus()).isEqualTo(403);
        }
        // a matching pair posted with another site's Origin is still refused
        try (Response response = page("/login", null).cookie(Csrf.COOKIE, csrf).header("Origin", "https://evil.example")
                .post(Entity.form(form))) {
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(response.getCookies()).doesNotContainKey(SessionCookie.NAME);
        }
        // our own origin, or an opaque one ("null", from privacy settings) with the right pair, signs in
        try (Response response = page("/login", null).cookie(Csrf.COOKIE, csrf)
                .header("Origin", "http://localhost:" + APP.getLocalPort()).post(Entity.form(form))) {
            assertThat(response.getStatus()).isEqualTo(303);
        }
        try (Response response = page("/login", null).cookie(Csrf.COOKIE, csrf).header("Origin", "null")
                .post(Entity.form(form))) {
            assertThat(response.getStatus()).isEqualTo(303);
        }
    }

    @Test
    void pagesSendAReferrerPolicyThatKeepsTheOriginSoBrowsersCanProveIt() {
        try (Response response = page("/", null).get()) {
            assertThat(response.getHeaderString("Referrer-Policy")).isEqualTo("same-origin");
            assertThat(html(response)).contains("<meta name=\"referrer\" content=\"same-origin\">")
                    .doesNotContain("no-referrer");
            assertThat(response.getHeaderString(HttpHeaders.SET_COOKIE)).contains("HttpOnly").contains("SameSite=Strict");
        }
    }

    @Test
    void theSignInPageOfSomeoneSignedInGoesStraightToTheDashboard() {
        try (Response response = page("/", aliceSession).get()) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(location(response)).isEqualTo("/dashboard");
        }
    }

    @Test
    void pagesWithoutTheCookieRedirectToSignInAndComeBackAfter() {
        for (String path : List.of("/dashboard", "/quotes/new", "/quotes/1")) {
            try (Response response = page(path, null).get()) {
                assertThat(response.getStatus()).as(path).isEqualTo(303);
                assertThat(response.getLocation().getRawPath()).as(path).isEqualTo("/");
                assertThat(response.getLocation().getQuery()).as(path).isEqualTo("next=" + path);
            }
        }
        try (Response response = page("/dashboard", "not-a-token").get()) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(response.getLocation().getRawPath()).isEqualTo("/");
        }
    }

    @Test
    void aWrongPasswordReRendersTheFormWithAnErrorAndTheUsernameKept() {
        try (Response response = login("alice", "wrong", "/quotes/new")) {
            assertThat(response.getStatus()).isEqualTo(401);
            String page = html(response);
            assertThat(page).contains("Wrong username or password.")
                    .contains("value=\"alice\"")
                    .contains("name=\"next\" value=\"/quotes/new\"")
                    .doesNotContain("wrong");
            assertThat(response.getCookies()).doesNotContainKey(SessionCookie.NAME);
        }
        try (Response response = login("nobody", "demo", null)) {
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(html(response)).contains("Wrong username or password.");
        }
    }

    @Test
    void anEmptySignInFormReRendersWithAnErrorNotA500() {
        try (Response response = login(null, null, null)) {
            assertThat(response.getStatus()).isEqualTo(422);
            assertThat(html(response)).contains("Enter your username and password.");
        }
        try (Response response = login("<script>alert(1)</script>", "x", null)) {
            assertThat(response.getStatus()).isEqualTo(401);
            assertThat(html(response)).contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"")
                    .doesNotContain("<script>alert(1)");
        }
    }

    @Test
    void signingOutClearsTheCookieAndEndsTheSession() {
        String session = TestApp.token(APP, "alice");
        try (Response response = page("/logout", session).post(Entity.form(new Form()))) {
            assertThat(response.getStatus()).as("a sign-out without the form's token").isEqualTo(403);
        }
        String csrf = csrfToken();
        try (Response response = page("/logout", session).cookie(Csrf.COOKIE, csrf)
                .post(Entity.form(new Form().param(Csrf.FIELD, csrf)))) {
            assertThat(response.getStatus()).isEqualTo(303);
            assertThat(location(response)).isEqualTo("/");
            assertThat(response.getCookies().get(SessionCookie.NAME).getValue()).isEmpty();
            assertThat(response.getCookies().get(SessionCookie.NAME).getMaxAge()).isZero();
        }
        try (Response response = page("/dashboard", session).get()) {
            assertThat(response.getStatus()).isEqualTo(303);
        }
    }

    @Test
    void theQuoteBuilderRendersForAliceWithHerNameTokenDealsAndProducts() {
        try (Response response = page("/quotes/new", aliceSession).get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            String page = html(response);
            assertThat(page).contains("Alice Anders")
                    .contains("data-token=\"" + aliceSession + "\"")
                    .contains("<option value=\"CRM-PRO\"")
                    .contains("Umbrella Health")
                    .contains("<option value=\"Standard USD\"")
                    .contains("src=\"/static/quote.js\"");
            assertThat(response.getHeaderString("Cache-Control")).isEqualTo("no-store");
            assertThat(response.getHeaderString("Content-Security-Policy")).contains("script-src 'self'")
                    .contains("frame-ancestors 'none'");
        }
    }

    @Test
    void aSavedQuoteRendersWithItsValuesStatusAndApprovals() {
        try (Response response = page("/quotes/3", aliceSession).get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            String page = html(response);
            assertThat(page).contains("Quote 3")
                    .contains("data-quote-id=\"3\"")
                    .contains("value=\"Umbrella Health\"")
                    .contains("<option value=\"CRM-PRO\" selected>")
                    .contains("value=\"200\"")
                    .contains("Pending approval")
                    .contains("discount 30% on CRM-PRO is above 25%");
        }
    }

    @Test
    void theManagerIsOfferedTheDecisionOnAQuoteWaitingForApprovalAndTheOwnerIsNot() {
        try (Response response = page("/quotes/3", sessionOf("manager")).get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(html(response)).contains("id=\"approve\"").contains("id=\"reject\"");
        }
        try (Response response = page("/quotes/3", aliceSession).get()) {
            assertThat(html(response)).doesNotContain("id=\"approve\"");
        }
    }

    @Test
    void aQuoteOfSomeoneElsesDealIsAnErrorPageNotTheQuote() {
        String bob = sessionOf("bob");
        try (Response response = page("/quotes/3", bob).get()) {
            assertThat(response.getStatus()).isEqualTo(403);
            assertThat(html(response)).contains("Not allowed").doesNotContain("Umbrella Health");
        }
        try (Response response = page("/quotes/999999", bob).get()) {
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(html(response)).contains("Not found");
        }
    }

    @Test
    void aCustomerNameWithAScriptTagIsEscaped() {
        String token = TestApp.token(APP, "alice");
        Map<String, Object> body = Map.of(
                "dealId", 3,
                "customer", Map.of("name", "<script>alert('x')</script> & Co", "segment", "COMMERCIAL",
                        "country", "US", "locale", "en-US"),
                "currency", "USD", "priceBook", "Standard USD", "termMonths", 12, "startDate", "2026-12-01",
                "lines", List.of(Map.of("sku", "CRM-PRO", "quantity", 5, "discountPercent", 0)));
        long id;
        try (Response created = TestApp.request(APP, "/api/v1/quotes", token).post(Entity.json(body))) {
            assertThat(created.getStatus()).isEqualTo(201);
            id = ((Number) created.readEntity(Map.class).get("id")).longValue();
        }
        try (Response response = page("/quotes/" + id, aliceSession).get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            String page = html(response);
            assertThat(page).contains("value=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; Co\"")
                    .doesNotContain("<script>alert");
        }
    }

    @Test
    void theDashboardRendersForAliceWithHerNameAndToken() {
        try (Response response = page("/dashboard", aliceSession).get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            String page = html(response);
            assertThat(page).contains("Hello, Alice Anders")
                    .contains("data-token=\"" + aliceSession + "\"")
                    .contains("data-username=\"alice\"")
                    .contains("src=\"/static/dashboard.js\"")
                    .contains("href=\"/quotes/3\"")
                    .contains("Umbrella Health");
        }
    }

    @Test
    void theDashboardTakesAPeriodAndSaysWhenItIsNotOne() {
        try (Response response = page("/dashboard?period=2026-Q4", aliceSession).get()) {
            assertThat(html(response)).contains("data-period=\"2026-Q4\"");
        }
        try (Response response = page("/dashboard?period=%3Cb%3Esoon", aliceSession).get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            String page = html(response);
            assertThat(page).contains("data-period=\"\"").contains("period must look like 2026-Q4")
                    .contains("&lt;b&gt;soon").doesNotContain("<b>soon");
        }
    }

    @Test
    void aRepSeesOnlyTheirOwnDashboardAndAManagerSeesTheTeam() {
        try (Response response = page("/dashboard?user=bob", aliceSession).get()) {
            assertThat(response.getStatus()).isEqualTo(404);
            assertThat(html(response)).doesNotContain("Bob Baker");
        }
        String manager = sessionOf("manager");
        try (Response response = page("/dashboard?user=bob", manager).get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            String page = html(response);
            assertThat(page).contains("data-username=\"bob\"").contains("Bob Baker")
                    .contains("<option value=\"alice\"");
        }
    }

    @Test
    void theApiDoesNotAcceptTheSessionCookie() {
        try (Response response = APP.client().target(TestApp.url(APP, "/api/v1/users/me")).request()
                .cookie(SessionCookie.NAME, aliceSession).get()) {
            assertThat(response.getStatus()).isEqualTo(401);
        }
    }

    @Test
    void theScriptsWriteServerDataAsTextNeverAsHtml() {
        for (String script : List.of("api.js", "quote.js", "dashboard.js")) {
            try (Response response = page("/static/" + script, null).get()) {
                assertThat(response.getStatus()).as(script).isEqualTo(200);
                assertThat(response.readEntity(String.class)).as(script)
                        .doesNotContain("innerHTML").doesNotContain("outerHTML")
                        .doesNotContain("insertAdjacentHTML").doesNotContain("document.write");
            }
        }
    }

    @Test
    void thePagesOwnScriptsAndStylesAreServedAndNothingElse() {
        try (Response response = page("/static/quote.js", null).get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType().toString()).startsWith("text/javascript");
            assertThat(response.readEntity(String.class)).contains("/api/v1/quotes/preview");
        }
        try (Response response = page("/static/app.css", null).get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getMediaType().toString()).startsWith("text/css");
        }
        try (Response response = page("/static/missing.js", null).get()) {
            assertThat(response.getStatus()).isEqualTo(404);
        }
        try (Response response = page("/static/..%2Fsignin.ftlh", null).get()) {
            assertThat(response.getStatus()).isIn(400, 404); // Jetty refuses an encoded slash before we see it
        }
    }
}
