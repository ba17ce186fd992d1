package dealdesk.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import dealdesk.testing.TestDatabase;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Jazzer over the quote's JSON request path through the pricer, on a running service and a real
 * PostgreSQL: fuzzed preview bodies ({@code POST /api/v1/quotes/preview}) and the same bodies saved
 * ({@code POST /api/v1/quotes}). Whatever the body: never a 5xx, always a JSON answer, and a refused
 * save stores nothing (quotes, versions and approvals counted before and after).
 *
 * <p>A body is either the fuzzer's raw text or, more often, a well-formed quote whose every field
 * the fuzzer fills: text with any characters (NUL too), numbers like 1e400 or 1e100000, dates as
 * integers or out of range, unknown skus and fields. In the suite each method runs its kept corpus
 * ({@code src/test/resources/dealdesk/fuzz/QuotePreviewFuzzTestInputs}); a real, bounded run is
 * {@code JAZZER_FUZZ=1 mvn -q test -Dtest=QuotePreviewFuzzTest#preview} (findings land in that corpus).
 */
class QuotePreviewFuzzTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final List<String> SKUS = List.of("CRM-PRO", "CRM-STD", "AN-DASH", "AN-WH", "SUP-PREM", "PLT-API",
            "HW-GATEWAY", "HW-SCANNER", "SVC-INSTALL", "SVC-ONBOARD", "NO-SUCH-SKU", "");
    private static final List<String> ODD_NUMBERS = List.of("1e400", "1e100000", "-1e400", "1e-400", "-0", "0.0000001",
            "99999999999999999999999", "NaN", "null", "\"12\"", "true", "[]", "{}", "-1", "2147483648");
    private static final List<String> ODD_DATES = List.of("20261201", "\"+999999999-12-31\"", "\"-000100-01-01\"",
            "\"2026-02-30\"", "\"1999-12-31\"", "\"2026-11-01T00:00:00Z\"", "null", "\"\"", "1e400");

    private static final Service SERVICE = new Service();

    @FuzzTest(maxDuration = "60s")
    void preview(FuzzedDataProvider data) throws Exception {
        loopbackOnly();
        String body = body(data, false);
        HttpResponse<String> answer = SERVICE.post("/api/v1/quotes/preview", body);
        assertAnswered(answer, body);
    }

    @FuzzTest(maxDuration = "60s")
    void save(FuzzedDataProvider data) throws Exception {
        loopbackOnly();
        String body = body(data, true);
        Map<String, Long> before = SERVICE.counts();
        HttpResponse<String> answer = SERVICE.post("/api/v1/quotes", body);
        assertAnswered(answer, body);
        if (answer.statusCode() != 201) {
            assertThat(SERVICE.counts()).as("refused with %s, nothing stored: %s", answer.statusCode(), body)
                    .isEqualTo(before);
        }
    }

    /** The service, its database and this client talk over loopback: not server-side request forgery. */
    private static void loopbackOnly() {
        com.code_intelligence.jazzer.api.BugDetectors.allowNetworkConnections((host, port) ->
                host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1"));
    }

    private static void assertAnswered(HttpResponse<String> answer, String body) throws Exception {
        assertThat(answer.statusCode()).as("%s for %s", answer.body(), body).isLessThan(500);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(body).contains("json");
        MAPPER.readTree(answer.body());
        if (answer.statusCode() >= 400) {
            assertThat(MAPPER.readTree(answer.body()).has("code")).as(answer.body()).isTrue();
        }
    }

    /** The fuzzer's raw text (one in four), or a quote whose every field it fills. */
    static String body(FuzzedDataProvider data, boolean withDeal) {
        if (data.remainingBytes() == 0) {
            return "";
        }
        if (data.consumeInt(0, 3) == 0) {
            return data.consumeRemainingAsString();
        }
        StringBuilder json = new StringBuilder("{");
        if (withDeal) {
            json.append("\"dealId\":").append(data.consumeBoolean() ? Long.toString(SERVICE.dealId) : number(data))
                    .append(',');
        }
        json.append("\"customer\":{\"name\":").append(text(data)).append(",\"segment\":").append(text(data))
                .append(",\"industry\":").append(text(data)).append(",\"country\":").append(text(data))
                .append(",\"locale\":").append(data.consumeBoolean() ? "\"en-US\"" : text(data)).append("},")
                .append("\"currency\":").append(data.consumeBoolean() ? "\"USD\"" : text(data))
                .append(",\"priceBook\":").append(data.consumeBoolean() ? "\"Standard USD\"" : text(data))
                .append(",\"termMonths\":").append(data.consumeBoolean() ? "12" : number(data))
                .append(",\"startDate\":").append(data.consumeBoolean() ? "\"2026-11-01\"" : date(data));
        if (data.consumeInt(0, 7) == 0) {
            json.append(",\"unknownField\":").append(text(data));
        }
        json.append(",\"lines\":[");
        int lines = data.consumeInt(0, 4);
        for (int i = 0; i < lines; i++) {
            json.append(i == 0 ? "" : ",").append("{\"sku\":")
                    .append(data.consumeBoolean() ? "\"" + data.pickValue(SKUS) + "\"" : text(data))
                    .append(",\"quantity\":").append(data.consumeBoolean() ? Integer.toString(data.consumeInt(1, 50))
                            : number(data))
                    .append(",\"discountPercent\":").append(data.consumeBoolean() ? "0" : number(data)).append('}');
        }
        json.append("]}");
        return json.toString();
    }

    /** A JSON string with any characters the fuzzer gives (escaped as JSON, NUL included), or long. */
    private static String text(FuzzedDataProvider data) {
        String value = data.consumeInt(0, 15) == 0 ? "x".repeat(100_000) : data.consumeString(40);
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String number(FuzzedDataProvider data) {
        return switch (data.consumeInt(0, 3)) {
            case 0 -> data.pickValue(ODD_NUMBERS);
            case 1 -> Long.toString(data.consumeLong());
            case 2 -> Double.toString(data.consumeRegularDouble());
            default -> Integer.toString(data.consumeInt(-5, 500));
        };
    }

    private static String date(FuzzedDataProvider data) {
        return data.consumeBoolean() ? data.pickValue(ODD_DATES) : text(data);
    }

    /** The service on a fresh database, started once for the fuzz run, with a rep's token and deal. */
    private static final class Service {
        final String url = TestDatabase.freshUrl();
        final DropwizardTestSupport<DealdeskConfiguration> app = TestApp.support(null, url);
        final String token;
        final long dealId;

        Service() {
            loopbackOnly();
            try {
                app.before();
                Runtime.getRuntime().addShutdownHook(new Thread(app::after));
                String signedIn = post("/api/v1/auth/token", "{\"username\":\"alice\",\"password\":\"demo\"}", null)
                        .body();
                token = MAPPER.readTree(signedIn).get("token").asText();
                String deal = post("/api/v1/deals", "{\"account\":{\"name\":\"Fuzz Corp\",\"industry\":\"RETAIL\"},"
                        + "\"expectedCloseDate\":\"2026-12-15\",\"stage\":\"PROPOSAL\"}").body();
                dealId = MAPPER.readTree(deal).get("id").asLong();
            } catch (Exception e) {
                throw new IllegalStateException("the service did not start for fuzzing", e);
            }
        }

        HttpResponse<String> post(String path, String body) throws Exception {
            return post(path, body, token);
        }

        HttpResponse<String> post(String path, String body, String bearer) throws Exception {
            try {
                return post(HTTP, path, body, bearer);
            } catch (java.io.IOException closed) {
                // Jetty may close a connection after a refusal just as the pooled client reuses it: once more on a
                // new connection, where a drop of the server's own would show again
                return post(HttpClient.newHttpClient(), path, body, bearer);
            }
        }

        private HttpResponse<String> post(HttpClient client, String path, String body, String bearer) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.getLocalPort() + path))
                    .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The rows a saved quote writes. */
        Map<String, Long> counts() throws SQLException {
            try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
                return Map.of("quotes", count(statement, "quotes"), "quote_versions", count(statement, "quote_versions"),
                        "quote_approvals", count(statement, "quote_approvals"));
            }
        }

        private static long count(Statement statement, String table) throws SQLException {
            try (ResultSet rows = statement.executeQuery("select count(*) from " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
