package dealdesk.bench;

import dealdesk.DealdeskApplication;
import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestDatabase;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.ResourceHelpers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * HTTP load on {@code POST /api/v1/quotes/preview} with a 50-line quote and 32
 * concurrent clients, on loopback port 18080. Uses the service already running
 * there, or starts one in this JVM (demo mode, fresh embedded database).
 *
 * <p>Two phases, each after a warm-up: (1) paced, the 32 clients together
 * sending 400 previews a second on a fixed schedule, latency measured from
 * the scheduled start (no coordinated omission); (2) unpaced, each client
 * sending as fast as answers come, for the ceiling. Prints p50/p99/max and
 * throughput as Markdown rows.
 *
 * <p>Arguments (all optional): seconds per phase (default 20), clients (32), paced rate per second (400).
 */
public final class PreviewLoadDriver {
    static final String BASE = "http://127.0.0.1:18080";

    private PreviewLoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 400;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        DropwizardTestSupport<DealdeskConfiguration> service = null;
        if (!answers(http)) {
            System.out.println("No service on " + BASE + ": starting one in this JVM (demo mode, fresh database)");
            service = new DropwizardTestSupport<>(DealdeskApplication.class,
                    ResourceHelpers.resourceFilePath("test-config.yml"),
                    ConfigOverride.config("database.url", TestDatabase.freshUrl()),
                    ConfigOverride.config("server.applicationConnectors[0].port", "18080"),
                    ConfigOverride.config("server.applicationConnectors[0].bindHost", "127.0.0.1"));
            service.before();
        }
        try {
            String token = signIn(http);
            String body = fiftyLines();
            System.out.println("warm-up " + seconds + " s ...");
            run(http, token, body, clients, 0, seconds);
            Result paced = run(http, token, body, clients, rate, seconds);
            Result unpaced = run(http, token, body, clients, 0, seconds);
            System.out.println();
            System.out.println("| phase | clients | seconds | previews | errors | throughput /s | p50 ms | p99 ms | max ms |");
            System.out.println("|-------|--------:|--------:|---------:|-------:|--------------:|-------:|-------:|-------:|");
            System.out.println(paced.row("paced " + rate + "/s", clients, seconds));
            System.out.println(unpaced.row("unpaced", clients, seconds));
        } finally {
            if (service != null) {
                service.after();
            }
        }
    }

    record Result(long[] latenciesNanos, long errors, double elapsedSeconds) {
        String row(String phase, int clients, int seconds) {
            long[] sorted = latenciesNanos.clone();
            Arrays.sort(sorted);
            return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %.0f | %.2f | %.2f | %.2f |", phase, clients,
                    seconds, sorted.length, errors, sorted.length / elapsedSeconds, millis(sorted, 0.50),
                    millis(sorted, 0.99), sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
        }

        static double millis(long[] sorted, double quantile) {
            if (sorted.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    /** Runs the clients for {@code seconds}; with a rate, each client keeps to its share of a fixed schedule. */
    static Result run(HttpClient http, String token, String body, int clients, int rate, int seconds) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(BASE + "/api/v1/quotes/preview"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicLong errors = new AtomicLong();
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        long periodNanos = rate == 0 ? 0 : (long) (clients * 1e9 / rate);
        List<Future<long[]>> futures = new ArrayList<>();
        for (int client = 0; client < clients; client++) {
            long offset = rate == 0 ? 0 : periodNanos * client / clients;
            futures.add(pool.submit(() -> {
                long[] latencies = new long[1024];
                int count = 0;
                long next = start + offset;
                while (true) {
                    long intended;
                    if (periodNanos > 0) {
                        intended = next;
                        next += periodNanos;
                        long wait = intended - System.nanoTime();
                        if (wait > 0) {
                            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                        }
                    } else {
                        intended = System.nanoTime();
                    }
                    if (intended >= end) {
                        break;
                    }
                    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                    long latency = System.nanoTime() - intended;
                    if (response.statusCode() != 200) {
                        errors.incrementAndGet();
                        continue;
                    }
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = latency;
                }
                return Arrays.copyOf(latencies, count);
            }));
        }
        List<long[]> parts = new ArrayList<>();
        for (Future<long[]> future : futures) {
            parts.add(future.get());
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
        return new Result(all, errors.get(), elapsed);
    }

    static boolean answers(HttpClient http) {
        try {
            http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/products")).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    static String signIn(HttpClient http) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE + "/api/v1/auth/token"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"alice\",\"password\":\"demo\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in failed: " + response.statusCode() + " " + response.body());
        }
        String text = response.body();
        int at = text.indexOf("\"token\":\"") + 9;
        return text.substring(at, text.indexOf('"', at));
    }

    /** A 50-line quote over the demo catalog that passes the configuration rules, touching several stages. */
    static String fiftyLines() {
        String[] skus = {"CRM-PRO", "AN-DASH", "AN-WH", "SUP-PREM", "PLT-API", "PLT-STORAGE", "HW-SCANNER", "HW-TABLET",
            "SVC-ONBOARD", "SVC-CONSULT"};
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            if (i > 0) {
                lines.append(',');
            }
            lines.append("{\"sku\":\"").append(skus[i % skus.length]).append("\",\"quantity\":").append(5 + i % 7)
                    .append(",\"discountPercent\":").append(i % 3 == 0 ? 5 : 0).append('}');
        }
        return "{\"customer\":{\"name\":\"Load Test Inc\",\"segment\":\"COMMERCIAL\",\"industry\":\"RETAIL\","
                + "\"country\":\"US\",\"locale\":\"en-US\"},\"currency\":\"USD\",\"priceBook\":\"Standard USD\","
                + "\"termMonths\":36,\"startDate\":\"2026-11-01\",\"lines\":[" + lines + "]}";
    }
}
