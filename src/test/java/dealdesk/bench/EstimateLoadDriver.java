package dealdesk.bench;

import static io.dropwizard.testing.ConfigOverride.config;

import dealdesk.DealdeskApplication;
import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestDatabase;
import io.dropwizard.testing.DropwizardTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * POST /api/v1/estimates over HTTP for a rep with 500 transactions in the
 * quarter: starts the service on 127.0.0.1:28080 (fresh embedded database),
 * seeds the rep, warms up, then sends a bounded number of requests from a
 * bounded number of clients and prints p50/p90/p99/max latency.
 *
 * <p>Arguments: [requests=2000] [clients=2] [warmup=500].
 */
public final class EstimateLoadDriver {
    private static final String BASE = "http://127.0.0.1:28080/api/v1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private EstimateLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        DropwizardTestSupport<DealdeskConfiguration> app = new DropwizardTestSupport<>(DealdeskApplication.class,
                Path.of("src/test/resources/test-config.yml").toAbsolutePath().toString(),
                config("database.url", TestDatabase.freshUrl()), config("database.maxSize", "16"),
                config("server.applicationConnectors[0].port", "28080"),
                config("server.applicationConnectors[0].bindHost", "127.0.0.1"),
                config("server.adminConnectors[0].port", "28081"),
                config("server.adminConnectors[0].bindHost", "127.0.0.1"));
        app.before();
        try {
            String admin = token("admin");
            String finance = token("finance");
            send("POST", "/users", admin, "application/json", """
                    {"username": "loadrep", "name": "Load Rep", "role": "REP", "password": "demo", "manager": null}""");
            String plan = "effectiveFrom: 2026-01-01\n" + Files.readString(Path.of("src/test/resources/commission/layered-plan.yaml"))
                    .replace("id: ae-layered", "id: load");
            send("PUT", "/plans/load", finance, "application/yaml", plan);
            send("PUT", "/plans/load/assignments/loadrep", finance, "application/json", "{\"from\": \"2026-01-01\"}");
            send("PUT", "/quotas/loadrep/2026-Q4", finance, "application/json", "{\"amount\": 6000000}");
            send("POST", "/transactions", finance, "application/json", transactions(500));
            String rep = token("loadrep");
            String estimate = """
                    {"username": "loadrep", "closeDate": "2026-12-22", "lines": [{"sku": "Y", "family": "CORE",
                     "units": 10, "amount": 100000, "industry": "HEALTHCARE", "dealType": "NEW"}]}""";
            String first = send("POST", "/estimates", rep, "application/json", estimate);
            System.out.println("estimate: " + first.substring(0, Math.min(160, first.length())) + "...");
            run(rep, estimate, warmup, clients);
            List<Long> nanos = run(rep, estimate, requests, clients);
            Collections.sort(nanos);
            System.out.printf(Locale.ROOT, "estimates=%d clients=%d transactions=500 p50=%.2fms p90=%.2fms p99=%.2fms max=%.2fms%n",
                    nanos.size(), clients, ms(nanos, 0.50), ms(nanos, 0.90), ms(nanos, 0.99),
                    nanos.get(nanos.size() - 1) / 1e6);
        } finally {
            app.after();
        }
        System.exit(0);
    }

    private static List<Long> run(String token, String body, int requests, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<List<Long>>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int share = requests / clients + (c < requests % clients ? 1 : 0);
            futures.add(pool.submit(() -> {
                List<Long> times = new ArrayList<>(share);
                for (int i = 0; i < share; i++) {
                    long start = System.nanoTime();
                    send("POST", "/estimates", token, "application/json", body);
                    times.add(System.nanoTime() - start);
                }
                return times;
            }));
        }
        List<Long> all = new ArrayList<>();
        for (Future<List<Long>> future : futures) {
            all.addAll(future.get());
        }
        pool.shutdown();
        return all;
    }

    private static double ms(List<Long> sorted, double quantile) {
        int index = (int) Math.ceil(quantile * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    private static String transactions(int count) {
        Random random = new Random(7);
        String[] skus = {"A", "B", "X", "Y", "Z"};
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            String sku = skus[random.nextInt(skus.length)];
            json.append(i == 0 ? "" : ",").append(String.format(Locale.ROOT,
                    "{\"id\":\"L%d\",\"dealId\":\"LD%d\",\"closeDate\":\"%s\",\"sku\":\"%s\",\"family\":\"%s\",\"units\":%d,"
                            + "\"amount\":%d.%02d,\"currency\":\"USD\",\"industry\":\"%s\",\"dealType\":\"NEW\","
                            + "\"splits\":[{\"username\":\"loadrep\",\"percent\":100}]}",
                    i, i, LocalDate.of(2026, 10, 1).plusDays(random.nextInt(80)), sku,
                    sku.equals("Z") ? "LEGACY" : "CORE", 1 + random.nextInt(10), 1000 + random.nextInt(20000),
                    random.nextInt(100), random.nextBoolean() ? "RETAIL" : "HEALTHCARE"));
        }
        return json.append("]").toString();
    }

    private static String token(String username) throws Exception {
        String body = send("POST", "/auth/token", null, "application/json",
                "{\"username\": \"" + username + "\", \"password\": \"demo\"}");
        Matcher matcher = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"").matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no token in " + body);
        }
        return matcher.group(1);
    }

    private static String send(String method, String path, String token, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(BASE + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " -> " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
