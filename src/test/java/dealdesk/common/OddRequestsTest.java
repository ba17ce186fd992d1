package dealdesk.common;

import com.fasterxml.jackson.databind.ObjectMapper;
import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a careless client or an attacker sends, the answer is a 4xx in the error contract, never a 500. */
@ExtendWith(DropwizardExtensionsSupport.class)
@SuppressWarnings("unchecked")
class OddRequestsTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();
    static final ObjectMapper MAPPER = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static String admin;
    static String finance;

    @BeforeAll
    static void signIn() {
        admin = TestApp.token(APP, "admin");
        finance = TestApp.token(APP, "finance");
    }

    record Answer(int status, String contentType, Map<String, Object> body) {
        List<Object> paths() {
            return ((List<Map<String, Object>>) body.get("details")).stream().map(d -> d.get("path")).toList();
        }
    }

    static Answer send(String method, String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(TestApp.url(APP, path)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (response.statusCode() < 400) {
            return new Answer(response.statusCode(), type, Map.of());
        }
        assertThat(type).as("%s %s answered %s: %s", method, path.length() > 80 ? path.substring(0, 80) : path,
                response.statusCode(), response.body()).startsWith("application/json");
        Map<String, Object> parsed = MAPPER.readValue(response.body(), Map.class);
        assertThat(parsed).containsKeys("code", "message", "details");
        return new Answer(response.statusCode(), type, parsed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/products/a%2Fb", "/api/v1/products/a%00b", "/api/v1/products/a%0Ab",
            "/api/v1/%2e%2e/%2e%2e/etc/passwd", "/api/v1/products/%25%00", "/nowhere%00", "/api/v1/products/%0D%0ASet-Cookie:x=1"})
    void oddPathsAreAnsweredInTheErrorContract(String path) throws Exception {
        Answer answer = send("GET", path, admin, null, null);
        assertThat(answer.status()).isBetween(400, 499);
    }

    @Test
    void aUriOverEightKilobytesIsAnsweredInTheErrorContract() throws Exception {
        Answer answer = send("GET", "/api/v1/products?sku=" + "x".repeat(9000), admin, null, null);
        assertThat(answer.status()).isEqualTo(414);
    }

    @Test
    void aNulInAQueryParameterIs400NamingTheParameter() throws Exception {
        Answer answer = send("GET", "/api/v1/audit?entity=%00", finance, null, null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.paths()).containsExactly("entity");
    }

    @Test
    void aNulOrControlCharacterInAJsonStringIs422NamingTheField() throws Exception {
        Answer product = send("POST", "/api/v1/products", admin, "application/json",
                "{\"sku\":\"HW-NUL\",\"name\":\"Bad\\u0000Box\",\"family\":\"HARDWARE\",\"kind\":\"ONE_TIME\",\"unit\":\"device\"}");
        assertThat(product.status()).isEqualTo(422);
        assertThat(product.paths()).containsExactly("name");
        Answer login = send("POST", "/api/v1/auth/token", null, "application/json",
                "{\"username\":\"al\\u0000ice\",\"password\":\"demo\"}");
        assertThat(login.status()).isEqualTo(422);
        assertThat(login.paths()).containsExactly("username");
        assertThat(send("GET", "/api/v1/products/HW-NUL", admin, null, null).status()).isEqualTo(404);
    }

    @Test
    void aNulInACsvCellIs422NamingTheRowAndColumnAndStoresNothing() throws Exception {
        Answer answer = send("POST", "/api/v1/products", admin, "text/csv",
                "sku,name,family,kind,unit\nHW-CSV1,Fine,HARDWARE,ONE_TIME,device\nHW-CSV2,Ba\u0001d,HARDWARE,ONE_TIME,device\n");
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.paths()).containsExactly("rows[1].name");
        assertThat(send("GET", "/api/v1/products/HW-CSV1", admin, null, null).status()).isEqualTo(404);
    }

    @Test
    void aDateGivenAsAnIntegerOrWithAHugeYearIsRefusedNamingTheField() throws Exception {
        send("PUT", "/api/v1/price-books/ODD-DATES", admin, "application/json", "{\"description\":\"dates\"}");
        for (String date : List.of("20261201", "\"+999999999-12-31\"", "\"-000100-01-01\"", "[2026,12,1]")) {
            Answer answer = send("POST", "/api/v1/price-books/ODD-DATES/entries", admin, "application/json",
                    "[{\"sku\":\"CRM-PRO\",\"currency\":\"USD\",\"listPrice\":10,\"effectiveFrom\":" + date + "}]");
            assertThat(answer.status()).as(date).isBetween(400, 422);
            assertThat(answer.paths()).as(date).containsExactly("[0].effectiveFrom");
        }
    }

    @Test
    void tenParallelCreatesOfOneUsernameGiveOne201AndNine409s() throws Exception {
        List<Integer> statuses = parallel(10, () -> send("POST", "/api/v1/users", admin, "application/json",
                "{\"username\":\"twin\",\"name\":\"Twin\",\"role\":\"REP\",\"password\":\"secret\"}").status());
        assertThat(statuses).containsOnlyOnce(201).filteredOn(status -> status != 201).containsOnly(409);
    }

    @Test
    void tenParallelCreatesOfOneSkuGiveOne201AndNine409s() throws Exception {
        List<Integer> statuses = parallel(10, () -> send("POST", "/api/v1/products", admin, "application/json",
                "{\"sku\":\"HW-TWIN\",\"name\":\"Twin\",\"family\":\"HARDWARE\",\"kind\":\"ONE_TIME\",\"unit\":\"device\"}")
                .status());
        assertThat(statuses).containsOnlyOnce(201).filteredOn(status -> status != 201).containsOnly(409);
    }

    @Test
    void twentyParallelEditsOfOneQuoteVersionGiveOne200AndOnly409s() throws Exception {
        String alice = TestApp.token(APP, "alice");
        String dealId = String.valueOf(MAPPER.readValue(send201Body("/api/v1/deals", alice), Map.class).get("id"));
        String quote = "{\"dealId\":" + dealId + ",%s\"customer\":{\"name\":\"Acme Corp\",\"segment\":\"COMMERCIAL\","
                + "\"industry\":\"RETAIL\",\"country\":\"US\",\"locale\":\"en-US\"},\"currency\":\"USD\","
                + "\"priceBook\":\"Standard USD\",\"termMonths\":12,\"startDate\":\"2026-11-01\","
                + "\"lines\":[{\"sku\":\"CRM-PRO\",\"quantity\":%d,\"discountPercent\":0}]}";
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(TestApp.url(APP, "/api/v1/quotes")))
                .header("Authorization", "Bearer " + alice).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(quote.formatted("", 5))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Object id = MAPPER.readValue(created.body(), Map.class).get("id");
        AtomicInteger seats = new AtomicInteger(10);
        List<Integer> statuses = parallel(20, () -> send("PUT", "/api/v1/quotes/" + id, alice, "application/json",
                quote.replace("\"dealId\":" + dealId + ",", "").formatted("\"version\":1,", seats.incrementAndGet()))
                .status());
        assertThat(statuses).containsOnlyOnce(200).filteredOn(status -> status != 200).containsOnly(409);
    }

    private static String send201Body(String path, String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(TestApp.url(APP, path)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"account\":{\"name\":\"Acme Corp\",\"industry\":\"RETAIL\"},"
                        + "\"expectedCloseDate\":\"2026-12-15\",\"stage\":\"PROPOSAL\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response.body();
    }

    private static List<Integer> parallel(int count, Callable<Integer> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                futures.add(pool.submit(call));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> future : futures) {
                statuses.add(future.get());
            }
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
