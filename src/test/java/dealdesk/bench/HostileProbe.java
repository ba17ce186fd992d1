package dealdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import dealdesk.testing.TestDatabase;
import io.dropwizard.testing.DropwizardTestSupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The hostile probe of issue 14, repeated against a started service on a fresh database: every
 * JSON endpoint's body with each text field in turn holding a NUL, each number 1e400 and
 * 1e100000, each date an integer or out of range, unknown fields, a bare {@code {}; query and path
 * parameters with %00, %0A, %2F; odd paths and URIs over 8 KB; parallel creates of one key and
 * parallel edits of one version. Prints how many requests were sent, which answered 5xx or not
 * JSON (with the request), and the races' outcomes. Not part of the suite:
 * {@code java -cp $CP dealdesk.bench.HostileProbe}.
 */
public final class HostileProbe {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final String RAW = "__RAW__";

    private final int port;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger reconnected = new AtomicInteger();
    private final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> races = new ArrayList<>();

    HostileProbe(int port) {
        this.port = port;
    }

    record Template(String role, String method, String path, String body) {
    }

    public static void main(String[] args) throws Exception {
        DropwizardTestSupport<DealdeskConfiguration> app = TestApp.support(null, TestDatabase.freshUrl());
        app.before();
        try {
            HostileProbe probe = new HostileProbe(app.getLocalPort());
            try {
                probe.run();
            } catch (Exception e) {
                e.printStackTrace(System.out);
                System.out.println("probe stopped early after " + probe.sent.get() + " requests");
            }
            System.out.println("probe: " + probe.sent.get() + " requests, " + probe.failures.size()
                    + " answered 5xx or not JSON; " + probe.reconnected.get()
                    + " sent again on a new connection after the server closed a reused one");
            probe.failures.forEach(failure -> System.out.println("  " + failure));
            probe.races.forEach(race -> System.out.println("race: " + race));
        } finally {
            app.after();
            System.exit(0);
        }
    }

    void run() throws Exception {
        for (String user : List.of("alice", "bob", "manager", "finance", "admin")) {
            String body = send("POST", "/api/v1/auth/token", null, "{\"username\":\"" + user + "\",\"password\":\"demo\"}")
                    .body();
            tokens.put(user, MAPPER.readTree(body).get("token").asText());
        }
        long dealId = MAPPER.readTree(send("POST", "/api/v1/deals", "alice", deal("Probe Corp")).body()).get("id").asLong();
        JsonNode quote = MAPPER.readTree(send("POST", "/api/v1/quotes", "alice", quote(dealId)).body());
        long quoteId = quote.get("id").asLong();
        String ruleSet = MAPPER.readTree(send("GET", "/api/v1/rulesets?base=pricing", "admin", null).body())
                .path(0).path("id").asText("1");
        String pricingData = send("GET", "/api/v1/pricing/data", "admin", null).body();

        for (Template template : templates(dealId, quoteId, ruleSet, pricingData)) {
            for (String body : mutants(template.body())) {
                check(template.role(), template.method(), template.path(), body);
            }
        }
        for (String path : getPaths(dealId, quoteId)) {
            for (String odd : List.of("%00", "%0A", "%2F", "x%00y", "1e400", "-1", "99999999999999999999", "%F0%9F%98%80")) {
                String query = path.contains("?") ? path.replaceAll("=([^&]*)", "=" + odd) : path + "?x=" + odd;
                check("finance", "GET", query, null);
                check("alice", "GET", query, null);
            }
        }
        String longTail = "a".repeat(9000);
        for (String path : List.of("/api/v1/%00", "/api/v1/quotes/%2F", "/api/v1/quotes/%00", "/api/v1/deals/1%0A",
                "/api/v1/deals/%2F..%2F", "/api/v1/quotes/1/proposal.pdf%00", "/api/v1/statements/alice%00/2026-Q4",
                "/api/v1/statements/alice/2026-Q4%0A.csv", "/api/v1/plans/%2F/versions", "/api/v1/audit?entity=%00",
                "/api/v1/users/%00", "/api/v1/products/%00", "/api/v1/products/" + longTail, "/api/v1/x?" + longTail,
                "/api/v1/quotes?q=" + "b".repeat(20_000), "/%00", "/api/v1/disputes/%0A", "/api/v1/periods/%00/close",
                "/api/v1/funnel-plans/alice/%00", "/api/v1/pipeline?username=%00&period=%00")) {
            check("finance", "GET", path, null);
            check("finance", "POST", path, "{}");
        }
        races(dealId);
    }

    private List<Template> templates(long dealId, long quoteId, String ruleSet, String pricingData) {
        String q = "/api/v1/quotes/" + quoteId;
        String d = "/api/v1/deals/" + dealId;
        return List.of(
                new Template(null, "POST", "/api/v1/auth/token", "{\"username\":\"alice\",\"password\":\"wrong\"}"),
                new Template("admin", "POST", "/api/v1/users", "{\"username\":\"probe1\",\"name\":\"Probe\",\"role\":\"REP\","
                        + "\"password\":\"longenough1\",\"manager\":\"manager\"}"),
                new Template("admin", "POST", "/api/v1/products", "{\"sku\":\"PRB-1\",\"name\":\"Probe\",\"family\":\"CRM\","
                        + "\"kind\":\"SUBSCRIPTION\",\"unit\":\"user\",\"fractional\":false,\"description\":\"d\",\"active\":true}"),
                new Template("admin", "PUT", "/api/v1/products/PRB-2", "{\"sku\":\"PRB-2\",\"name\":\"Probe\",\"family\":\"CRM\","
                        + "\"kind\":\"ONE_TIME\",\"unit\":\"user\",\"fractional\":false,\"description\":\"d\",\"active\":true}"),
                new Template("admin", "PUT", "/api/v1/bundles/CRM-PRO", "{\"options\":[{\"optionSku\":\"SUP-PREM\","
                        + "\"minQuantity\":0,\"maxQuantity\":5,\"required\":false,\"defaultQuantity\":1}]}"),
                new Template("admin", "POST", "/api/v1/configuration-rules", "{\"kind\":\"REQUIRES\",\"subjectSku\":\"AN-WH\","
                        + "\"subjectFamily\":null,\"targetSku\":\"AN-DASH\",\"targetFamily\":null,\"minQuantity\":1,"
                        + "\"maxQuantity\":10,\"message\":\"needs dashboards\"}"),
                new Template("admin", "PUT", "/api/v1/pricing/data", pricingData),
                new Template("alice", "POST", "/api/v1/quotes/preview", quote(dealId)),
                new Template("alice", "POST", "/api/v1/quotes", quote(dealId)),
                new Template("alice", "PUT", q, quote(dealId).replaceFirst("\\{", "{\"version\":1,")),
                new Template("manager", "POST", q + "/approve", "{\"version\":1,\"comment\":\"ok\"}"),
                new Template("manager", "POST", q + "/reject", "{\"version\":1,\"comment\":\"no\"}"),
                new Template("alice", "POST", "/api/v1/deals", deal("Probe Deal")),
                new Template("alice", "PATCH", d, "{\"version\":1,\"nextStep\":\"call\",\"expectedCloseDate\":\"2026-12-20\","
                        + "\"expectedAmount\":1000,\"currency\":\"USD\",\"account\":{\"name\":\"Probe\",\"industry\":\"RETAIL\"},"
                        + "\"splits\":[{\"username\":\"alice\",\"percent\":100}],\"businessCase\":{\"problem\":\"p\"}}"),
                new Template("alice", "POST", d + "/close-won", "{\"closeDate\":\"2026-11-20\",\"reason\":\"won\"}"),
                new Template("alice", "POST", d + "/close-lost", "{\"closeDate\":\"2026-11-20\",\"reason\":\"lost\"}"),
                new Template("finance", "POST", "/api/v1/transactions", "[{\"id\":\"PRB-T1\",\"dealId\":\"PRB-D1\","
                        + "\"closeDate\":\"2026-11-05\",\"sku\":\"A\",\"family\":\"CORE\",\"units\":1,\"amount\":1000,"
                        + "\"currency\":\"USD\",\"industry\":\"RETAIL\",\"dealType\":\"NEW\","
                        + "\"splits\":[{\"username\":\"alice\",\"percent\":100}]}]"),
                new Template("finance", "PUT", "/api/v1/plans/probe-plan", "{\"id\":\"probe-plan\",\"effectiveFrom\":\"2026-01-01\","
                        + "\"period\":\"QUARTER\",\"currency\":\"USD\",\"creditBasis\":\"ACV\",\"baseRate\":0.1,"
                        + "\"tiers\":{\"basis\":\"ATTAINMENT\",\"mode\":\"MARGINAL\",\"bands\":[{\"from\":0,\"to\":1,\"multiplier\":1},"
                        + "{\"from\":1,\"multiplier\":2}]},\"cap\":{\"amount\":1000},\"clawback\":{\"windowDays\":90},"
                        + "\"draw\":{\"amount\":100,\"recoverable\":true},\"spifs\":[{\"id\":\"s\",\"from\":\"2026-10-01\","
                        + "\"to\":\"2026-12-31\",\"match\":{\"sku\":\"X\"},\"award\":{\"type\":\"PER_UNIT\",\"amount\":100}}]}"),
                new Template("finance", "POST", "/api/v1/plans/probe-plan/simulate?period=2026-Q4",
                        "{\"id\":\"probe-plan\",\"effectiveFrom\":\"2026-01-01\",\"period\":\"QUARTER\",\"currency\":\"USD\","
                        + "\"creditBasis\":\"ACV\",\"baseRate\":0.2}"),
                new Template("finance", "PUT", "/api/v1/plans/probe-plan/assignments/bob", "{\"from\":\"2026-01-01\",\"to\":null}"),
                new Template("finance", "PUT", "/api/v1/quotas/bob/2026-Q4", "{\"amount\":100000}"),
                new Template("alice", "POST", "/api/v1/estimates", "{\"username\":\"alice\",\"closeDate\":\"2026-12-22\","
                        + "\"lines\":[{\"sku\":\"Y\",\"family\":\"CORE\",\"units\":10,\"amount\":100000,\"industry\":\"HEALTHCARE\","
                        + "\"dealType\":\"NEW\"}]}"),
                new Template("finance", "PUT", "/api/v1/exchange-rates", "[{\"from\":\"EUR\",\"to\":\"USD\",\"date\":\"2026-11-01\","
                        + "\"rate\":1.08}]"),
                new Template("alice", "POST", "/api/v1/disputes", "{\"username\":\"alice\",\"period\":\"2026-Q4\","
                        + "\"transactionId\":null,\"reason\":\"missing deal\",\"expectedAmount\":100}"),
                new Template("finance", "POST", "/api/v1/disputes/1/comments", "{\"text\":\"looking\"}"),
                new Template("finance", "POST", "/api/v1/disputes/1/resolve", "{\"resolution\":\"ADJUSTED\",\"amount\":10,"
                        + "\"reason\":\"fixed\"}"),
                new Template("finance", "POST", "/api/v1/adjustments", "{\"username\":\"alice\",\"period\":\"2026-Q4\","
                        + "\"amount\":10,\"reason\":\"bonus\"}"),
                new Template("finance", "POST", "/api/v1/periods/2025-Q1/close", "{\"force\":true}"),
                new Template("finance", "POST", "/api/v1/periods/2025-Q1/pay", "{}"),
                new Template("manager", "PUT", "/api/v1/funnel-plans/alice/2026-Q4", "{\"stages\":{\"PROSPECTING\":10,"
                        + "\"QUALIFIED\":5}}"),
                new Template("admin", "POST", "/api/v1/rulesets", "{\"base\":\"pricing\",\"drl\":\"package x;\",\"note\":\"n\"}"),
                new Template("admin", "POST", "/api/v1/rulesets/" + ruleSet + "/activate", "{\"from\":\"2027-01-01\"}"),
                new Template("finance", "POST", "/api/v1/rulesets/" + ruleSet + "/simulate", "{\"period\":\"2026-Q4\"}"));
    }

    private static List<String> getPaths(long dealId, long quoteId) {
        return List.of("/api/v1/products?family=CRM&includeInactive=true", "/api/v1/products/CRM-PRO", "/api/v1/bundles",
                "/api/v1/configuration-rules", "/api/v1/users", "/api/v1/users/alice", "/api/v1/users/me",
                "/api/v1/quotes?owner=alice&status=DRAFT&dealId=" + dealId + "&q=x&limit=10&offset=0",
                "/api/v1/quotes/" + quoteId, "/api/v1/quotes/" + quoteId + "/proposal.pdf?template=default&locale=en",
                "/api/v1/deals", "/api/v1/deals/" + dealId, "/api/v1/deals/" + dealId + "/quotes",
                "/api/v1/statements/alice/2026-Q4", "/api/v1/statements/alice/2026-Q4.csv",
                "/api/v1/statements/alice/2026-Q4.pdf", "/api/v1/dashboard/alice?period=2026-Q4",
                "/api/v1/plans", "/api/v1/plans/probe-plan", "/api/v1/plans/probe-plan/versions",
                "/api/v1/plans/mine?username=alice", "/api/v1/periods", "/api/v1/payouts/2026-Q4",
                "/api/v1/disputes", "/api/v1/disputes/1", "/api/v1/adjustments", "/api/v1/exchange-rates?from=EUR&to=USD",
                "/api/v1/audit?entity=deal&entityId=1&actor=alice&limit=10", "/api/v1/pipeline?username=alice&period=2026-Q4",
                "/api/v1/pipeline?team=manager&period=2026-Q4", "/api/v1/pipeline/funnel?username=alice&period=2026-Q4",
                "/api/v1/funnel-plans/alice/2026-Q4", "/api/v1/rulesets?base=pricing", "/api/v1/rulesets/active?base=pricing",
                "/api/v1/rulesets/1", "/api/v1/pricing/data", "/api/v1/pricing/data/versions?limit=5",
                "/api/v1/bookings/awaiting-confirmation");
    }

    /** The body as is, then with one leaf at a time made hostile, then whole-body oddities. */
    private static List<String> mutants(String body) throws Exception {
        List<String> mutants = new ArrayList<>();
        mutants.add(body);
        JsonNode tree = MAPPER.readTree(body);
        List<List<Object>> leaves = new ArrayList<>();
        collect(tree, new ArrayList<>(), leaves);
        for (List<Object> leaf : leaves) {
            JsonNode value = get(tree, leaf);
            List<String> hostile = new ArrayList<>();
            if (value.isTextual()) {
                hostile.add("\"" + value.asText() + "\\u0000\"");
                hostile.add("\"" + "x".repeat(100_000) + "\"");
                if (value.asText().matches("\\d{4}-\\d{2}-\\d{2}")) {
                    hostile.addAll(List.of("20261201", "\"+999999999-12-31\"", "\"-000100-01-01\"", "1e400"));
                }
            } else if (value.isNumber()) {
                hostile.addAll(List.of("1e400", "1e100000", "-1e400", "1e-400", "\"\\u0000\""));
            } else if (value.isBoolean() || value.isNull()) {
                hostile.addAll(List.of("\"\\u0000\"", "1e400"));
            }
            for (String raw : hostile) {
                JsonNode copy = tree.deepCopy();
                set(copy, leaf, new TextNode(RAW));
                mutants.add(MAPPER.writeValueAsString(copy).replace("\"" + RAW + "\"", raw));
            }
        }
        if (tree.isObject()) {
            ObjectNode unknown = tree.deepCopy();
            unknown.put("unknownField", 1);
            mutants.add(MAPPER.writeValueAsString(unknown));
        }
        mutants.addAll(List.of("{", "[", "", "null", "[]", "{}", "\"\\u0000\"", "1e100000"));
        return mutants;
    }

    private static void collect(JsonNode node, List<Object> path, List<List<Object>> leaves) {
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                List<Object> next = new ArrayList<>(path);
                next.add(name);
                collect(node.get(name), next, leaves);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < Math.min(node.size(), 3); i++) {
                List<Object> next = new ArrayList<>(path);
                next.add(i);
                collect(node.get(i), next, leaves);
            }
        } else {
            leaves.add(path);
        }
    }

    private static JsonNode get(JsonNode node, List<Object> path) {
        for (Object step : path) {
            node = step instanceof String name ? node.get(name) : node.get((Integer) step);
        }
        return node;
    }

    private static void set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = get(root, path.subList(0, path.size() - 1));
        Object last = path.get(path.size() - 1);
        if (parent instanceof ObjectNode object) {
            object.set((String) last, value);
        } else {
            ((ArrayNode) parent).set((Integer) last, value);
        }
    }

    /** Parallel creates of one key, parallel edits of one version: 5xx, and what came back. */
    private void races(long dealId) throws Exception {
        race("10 x POST /users one username", 10, () -> send("POST", "/api/v1/users", "admin",
                "{\"username\":\"racer\",\"name\":\"R\",\"role\":\"REP\",\"password\":\"longenough1\",\"manager\":\"manager\"}"));
        race("10 x POST /products one sku", 10, () -> send("POST", "/api/v1/products", "admin",
                "{\"sku\":\"RACE-1\",\"name\":\"R\",\"family\":\"CRM\",\"kind\":\"ONE_TIME\",\"unit\":\"u\",\"fractional\":false,"
                        + "\"description\":\"d\",\"active\":true}"));
        race("10 x POST /deals one externalId", 10, () -> send("POST", "/api/v1/deals", "alice",
                deal("Race Corp").replaceFirst("\\{", "{\"externalId\":\"RACE-EXT\",")));
        long raceDeal = MAPPER.readTree(send("POST", "/api/v1/deals", "alice", deal("Race Edits")).body()).get("id").asLong();
        long raceQuote = MAPPER.readTree(send("POST", "/api/v1/quotes", "alice", quote(raceDeal)).body()).get("id").asLong();
        race("20 x PUT /quotes/{id} one version", 20, () -> send("PUT", "/api/v1/quotes/" + raceQuote, "alice",
                quote(raceDeal).replaceFirst("\\{", "{\"version\":1,")));
        race("20 x PATCH /deals/{id} one version", 20, () -> send("PATCH", "/api/v1/deals/" + raceDeal, "alice",
                "{\"version\":1,\"nextStep\":\"race\"}"));
        String data = send("GET", "/api/v1/pricing/data", "admin", null).body();
        race("10 x PUT /pricing/data one version", 10, () -> send("PUT", "/api/v1/pricing/data", "admin", data));
        race("10 x PUT /funnel-plans one key", 10, () -> send("PUT", "/api/v1/funnel-plans/bob/2026-Q4", "manager",
                "{\"stages\":{\"PROSPECTING\":3}}"));
        race("10 x PUT /exchange-rates one day", 10, () -> send("PUT", "/api/v1/exchange-rates", "finance",
                "[{\"from\":\"GBP\",\"to\":\"USD\",\"date\":\"2026-11-02\",\"rate\":1.27}]"));
        race("10 x PUT /plans/{id} one new plan", 10, () -> send("PUT", "/api/v1/plans/race-plan", "finance",
                "{\"id\":\"race-plan\",\"effectiveFrom\":\"2026-01-01\",\"period\":\"QUARTER\",\"currency\":\"USD\","
                        + "\"creditBasis\":\"ACV\",\"baseRate\":0.1}"));
        race("6 x POST /periods/{p}/close", 6, () -> send("POST", "/api/v1/periods/2025-Q2/close", "finance", "{\"force\":true}"));
    }

    private void race(String name, int parallel, Callable<HttpResponse<String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        try {
            List<Future<HttpResponse<String>>> answers = new ArrayList<>();
            for (int i = 0; i < parallel; i++) {
                answers.add(pool.submit(call));
            }
            Map<Integer, Integer> statuses = new java.util.TreeMap<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get();
                statuses.merge(response.statusCode(), 1, Integer::sum);
                if (response.statusCode() >= 500 || !json(response)) {
                    failures.add(name + " -> " + response.statusCode() + " " + abbreviate(response.body()));
                }
            }
            races.add(name + ": " + statuses);
        } finally {
            pool.shutdown();
        }
    }

    private void check(String role, String method, String path, String body) {
        try {
            HttpResponse<String> response = send(method, path, role, body);
            if (response.statusCode() >= 500 || !json(response) && !(response.statusCode() == 200 && isDocument(path))) {
                failures.add(method + " " + abbreviate(path) + " as " + role + " body " + abbreviate(body) + " -> "
                        + response.statusCode() + " " + response.headers().firstValue("Content-Type").orElse("-") + " "
                        + abbreviate(response.body()));
            }
        } catch (java.io.IOException e) {
            // Jetty closes the connection after some 400s; a pooled connection may be reused just as it closes
            try {
                HttpResponse<String> again = send(HttpClient.newHttpClient(), method, path, role, body);
                reconnected.incrementAndGet();
                if (again.statusCode() >= 500 || !json(again)) {
                    failures.add(method + " " + abbreviate(path) + " (new connection) -> " + again.statusCode());
                }
            } catch (Exception retry) {
                failures.add(method + " " + abbreviate(path) + " body " + abbreviate(body) + " -> " + retry);
            }
        } catch (Exception e) {
            failures.add(method + " " + abbreviate(path) + " body " + abbreviate(body) + " -> " + e);
        }
    }

    private static boolean isDocument(String path) {
        return path.contains(".pdf") || path.contains(".csv") || path.contains("/payouts/");
    }

    private static boolean json(HttpResponse<String> response) {
        if (!response.headers().firstValue("Content-Type").orElse("").contains("json")) {
            return false;
        }
        try {
            MAPPER.readTree(response.body());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private HttpResponse<String> send(String method, String path, String role, String body) throws Exception {
        return send(HTTP, method, path, role, body);
    }

    private HttpResponse<String> send(HttpClient client, String method, String path, String role, String body)
            throws Exception {
        sent.incrementAndGet();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (role != null) {
            request.header("Authorization", "Bearer " + tokens.get(role));
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String deal(String account) {
        return "{\"account\":{\"name\":\"" + account + "\",\"industry\":\"RETAIL\"},\"expectedCloseDate\":\"2026-12-15\","
                + "\"stage\":\"PROPOSAL\",\"type\":\"NEW\",\"nextStep\":\"demo\",\"expectedAmount\":5000,\"currency\":\"USD\"}";
    }

    private static String quote(long dealId) {
        return "{\"dealId\":" + dealId + ",\"customer\":{\"name\":\"Probe Inc\",\"segment\":\"COMMERCIAL\","
                + "\"industry\":\"RETAIL\",\"country\":\"US\",\"locale\":\"en-US\"},\"currency\":\"USD\","
                + "\"priceBook\":\"Standard USD\",\"termMonths\":12,\"startDate\":\"2026-11-01\","
                + "\"lines\":[{\"sku\":\"CRM-PRO\",\"quantity\":5,\"discountPercent\":0},"
                + "{\"sku\":\"HW-GATEWAY\",\"quantity\":1,\"discountPercent\":5}]}";
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "-";
        }
        String flat = text.replace("\n", "\\n");
        return flat.length() > 160 ? flat.substring(0, 160) + "…" : flat;
    }
}
