package dealdesk.bench;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import dealdesk.testing.TestDatabase;
import io.dropwizard.testing.DropwizardTestSupport;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static io.dropwizard.testing.ConfigOverride.config;

/**
 * A soak: two instances on one PostgreSQL, a paced mix of previews, estimates, transaction
 * imports, statements and proposal PDFs sent alternately to both for a fixed time; prints per
 * kind the count, errors (non-2xx or failures), p50 and p99 latency, and the heap after a GC.
 * Not part of the suite. Arguments: [minutes=10] [requests per second=20].
 */
public final class SoakDriver {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SoakDriver() {
    }

    record Call(String kind, String method, String path, String token, String type, String body) {
    }

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        String url = TestDatabase.freshUrl();
        List<DropwizardTestSupport<DealdeskConfiguration>> apps = List.of(
                TestApp.support(null, url, config("database.maxSize", "16")),
                TestApp.support(null, url, config("database.maxSize", "16")));
        for (var app : apps) {
            app.before();
        }
        try {
            List<Integer> ports = apps.stream().map(DropwizardTestSupport::getLocalPort).toList();
            String alice = token(ports.get(0), "alice");
            String finance = token(ports.get(0), "finance");
            // a saved quote needs its deal: the proposals render that quote
            String deal = setup(ports.get(0), new Call("setup", "POST", "/api/v1/deals", alice, "application/json",
                    "{\"account\": {\"name\": \"Soak Corp\", \"industry\": \"RETAIL\"},"
                            + " \"expectedCloseDate\": \"2026-12-15\", \"stage\": \"PROPOSAL\"}"));
            String dealId = idOf(deal);
            String quote = setup(ports.get(0), new Call("setup", "POST", "/api/v1/quotes", alice, "application/json",
                    "{\"dealId\": " + dealId + ", " + PreviewLoadDriver.fiftyLines().strip().substring(1)));
            String quoteId = idOf(quote);
            String estimate = """
                    {"username": "alice", "closeDate": "2026-12-22", "lines": [{"sku": "Y", "family": "CORE",
                     "units": 10, "amount": 100000, "industry": "HEALTHCARE", "dealType": "NEW"}]}""";
            AtomicInteger batch = new AtomicInteger();
            List<java.util.function.Supplier<Call>> mix = List.of(
                    () -> new Call("preview", "POST", "/api/v1/quotes/preview", alice, "application/json",
                            PreviewLoadDriver.fiftyLines()),
                    () -> new Call("preview", "POST", "/api/v1/quotes/preview", alice, "application/json",
                            PreviewLoadDriver.fiftyLines()),
                    () -> new Call("estimate", "POST", "/api/v1/estimates", alice, "application/json", estimate),
                    () -> new Call("estimate", "POST", "/api/v1/estimates", alice, "application/json", estimate),
                    // twenty batches of bob's imported again and again (a CRM's re-sync), while alice previews and
                    // reads: bob's quarter holds at most 1,000 bookings. (Imports into alice herself, who is
                    // estimated on every other request, serialize everything on her statement: see BENCHMARKS.md.)
                    () -> new Call("import", "POST", "/api/v1/transactions", finance, "text/csv",
                            importBatch(batch.incrementAndGet() % 20)),
                    () -> new Call("statement", "GET", "/api/v1/statements/alice/2026-Q4", finance, null, null),
                    () -> new Call("proposal", "GET", "/api/v1/quotes/" + quoteId + "/proposal.pdf", alice, null, null));
            Map<String, ConcurrentLinkedQueue<Long>> latencies = new ConcurrentHashMap<>();
            Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
            AtomicInteger sequence = new AtomicInteger();
            // the pacer only schedules; requests wait on their own workers, so slow answers never slow the pace
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            java.util.concurrent.ExecutorService workers = Executors.newFixedThreadPool(128);
            long end = System.nanoTime() + (long) (minutes * 60e9);
            pacer.scheduleAtFixedRate(() -> {
                if (System.nanoTime() > end) {
                    return;
                }
                int n = sequence.getAndIncrement();
                Call call = mix.get(n % mix.size()).get();
                workers.execute(() -> {
                    long start = System.nanoTime();
                    boolean ok;
                    try {
                        ok = send(ports.get(n % 2), call).statusCode() / 100 == 2;
                    } catch (Exception e) {
                        ok = false;
                    }
                    latencies.computeIfAbsent(call.kind(), k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
                    if (!ok) {
                        errors.computeIfAbsent(call.kind(), k -> new AtomicInteger()).incrementAndGet();
                    }
                });
            }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
            Thread.sleep((long) (minutes * 60_000) + 5_000);
            pacer.shutdown();
            workers.shutdown();
            workers.awaitTermination(120, TimeUnit.SECONDS);
            System.gc();
            long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
            int sent = latencies.values().stream().mapToInt(java.util.Collection::size).sum();
            int failed = errors.values().stream().mapToInt(AtomicInteger::get).sum();
            System.out.printf(Locale.ROOT, "soak: %.1f min, %d req/s paced (%.1f/s answered), %d requests, %d errors,"
                    + " two instances, heap after GC %d MB, load average %.2f%n", minutes, rate,
                    sent / (minutes * 60), sent, failed, heap / (1024 * 1024),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            System.out.println("| kind | requests | errors | p50 ms | p99 ms | max ms |");
            System.out.println("|---|---|---|---|---|---|");
            for (var entry : new java.util.TreeMap<>(latencies).entrySet()) {
                List<Long> sorted = new ArrayList<>(entry.getValue());
                Collections.sort(sorted);
                System.out.printf(Locale.ROOT, "| %s | %d | %d | %.1f | %.1f | %.1f |%n", entry.getKey(), sorted.size(),
                        errors.getOrDefault(entry.getKey(), new AtomicInteger()).get(), ms(sorted, 0.5), ms(sorted, 0.99),
                        sorted.get(sorted.size() - 1) / 1e6);
            }
        } finally {
            for (var app : apps) {
                app.after();
            }
        }
        System.exit(0); // requests still waiting on a stuck instance must not keep the JVM alive
    }

    /** Sends a setup call and returns its body; a refusal stops the soak before it measures anything. */
    private static String setup(int port, Call call) throws Exception {
        HttpResponse<String> response = send(port, call);
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException(call.method() + " " + call.path() + " answered " + response.statusCode()
                    + ": " + response.body());
        }
        return response.body();
    }

    private static String idOf(String json) {
        return json.replaceAll("(?s).*?\"id\"\\s*:\\s*(\\d+).*", "$1");
    }

    private static String importBatch(int batch) {
        StringBuilder csv = new StringBuilder("id,dealId,closeDate,sku,family,units,amount,currency,industry,dealType,splits\n");
        for (int i = 0; i < 50; i++) {
            csv.append("S").append(batch).append('-').append(i).append(",SD").append(batch)
                    .append(",2026-11-05,A,CORE,1,1000,USD,RETAIL,NEW,bob:100\n");
        }
        return csv.toString();
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(quantile * sorted.size()))) / 1e6;
    }

    private static String token(int port, String username) throws Exception {
        String body = send(port, new Call("setup", "POST", "/api/v1/auth/token", null, "application/json",
                "{\"username\":\"" + username + "\",\"password\":\"demo\"}")).body();
        return body.replaceAll("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static HttpResponse<String> send(int port, Call call) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + call.path()))
                .timeout(Duration.ofSeconds(30))
                .method(call.method(), call.body() == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(call.body()));
        if (call.token() != null) {
            request.header("Authorization", "Bearer " + call.token());
        }
        if (call.type() != null) {
            request.header("Content-Type", call.type());
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
