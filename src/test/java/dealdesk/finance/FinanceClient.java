package dealdesk.finance;

import static dealdesk.testing.TestApp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** Finance tests' HTTP helpers: reps on a plan, bookings, and JSON in and out. */
@SuppressWarnings("unchecked")
final class FinanceClient {
    static final MediaType CSV = MediaType.valueOf("text/csv");
    static final MediaType YAML = MediaType.valueOf("application/yaml");
    static final String BOOKINGS = "id,dealId,closeDate,sku,family,units,amount,currency,industry,dealType,splits\n";

    final DropwizardAppExtension<DealdeskConfiguration> app;
    final String admin;
    final String finance;

    FinanceClient(DropwizardAppExtension<DealdeskConfiguration> app) {
        this.app = app;
        this.admin = TestApp.token(app, "admin");
        this.finance = TestApp.token(app, "finance");
    }

    String token(String username) {
        return TestApp.token(app, username);
    }

    /** A rep with a manager (or none) on a quarterly plan paying 10% of the amount in the currency. */
    void rep(String username, String manager, String planId, String currency) {
        rep(username, username + " Example", manager, planId, currency);
    }

    void rep(String username, String name, String manager, String planId, String currency) {
        String managerJson = manager == null ? "null" : "\"" + manager + "\"";
        json(post("/api/v1/users", admin, "{\"username\":\"" + username + "\",\"name\":\"" + name
                + "\",\"role\":\"REP\",\"password\":\"demo\",\"manager\":" + managerJson + "}"), 201);
        String plan = "id: " + planId + "\neffectiveFrom: 2026-01-01\nperiod: QUARTER\ncurrency: " + currency
                + "\ncreditBasis: AMOUNT\nbaseRate: 0.10\nclawback: { windowDays: 90 }\n";
        json(request(app, "/api/v1/plans/" + planId, finance).put(Entity.entity(plan, YAML)), 200);
        json(put("/api/v1/plans/" + planId + "/assignments/" + username, finance, "{\"from\":\"2026-01-01\"}"), 200);
    }

    Map<String, Object> importBookings(String rows) {
        return json(request(app, "/api/v1/transactions", finance).post(Entity.entity(BOOKINGS + rows, CSV)), 200);
    }

    Map<String, Object> statement(String username, String period, String token) {
        return json(request(app, "/api/v1/statements/" + username + "/" + period, token).get(), 200);
    }

    static BigDecimal total(Map<String, Object> statement, String name) {
        return new BigDecimal(((Map<String, Object>) statement.get("totals")).get(name).toString());
    }

    static List<Map<String, Object>> adjustments(Map<String, Object> statement) {
        return (List<Map<String, Object>>) statement.get("adjustments");
    }

    Response post(String path, String token, String body) {
        return request(app, path, token).post(Entity.json(body));
    }

    Response put(String path, String token, String body) {
        return request(app, path, token).put(Entity.json(body));
    }

    Response get(String path, String token) {
        return request(app, path, token).get();
    }

    static Map<String, Object> json(Response response, int status) {
        return TestApp.json(response, status);
    }

    /** The body of a response whose status is expected, as text. */
    static String text(Response response, int status) {
        try (response) {
            String text = response.readEntity(String.class);
            assertThat(response.getStatus()).as(text).isEqualTo(status);
            return text;
        }
    }

    /** A 4xx error body naming the field: {code, message, details: [{path, message}]}. */
    static Map<String, Object> error(Response response, int status, String path) {
        Map<String, Object> body = json(response, status);
        assertThat(body).containsKeys("code", "message", "details");
        assertThat((List<Map<String, Object>>) body.get("details")).extracting(detail -> detail.get("path"))
                .contains(path);
        return body;
    }
}
