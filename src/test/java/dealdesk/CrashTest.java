package dealdesk;

import dealdesk.testing.ChildApp;
import dealdesk.testing.ChildJvm;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 of the service in the middle of money work, then a plain restart on the same
 * embedded data directory: it comes up by itself (the orphaned PostgreSQL is stopped) and
 * what was in flight is there whole or not at all.
 */
class CrashTest {
    static final int ROWS = 20_000;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void killedDuringAnImportAndDuringAPeriodCloseTheRestartedServiceHasNothingHalfWritten(@TempDir Path directory)
            throws Exception {
        Path config = writeConfig(directory);

        try (ChildJvm first = ChildJvm.start(ChildApp.class, config.toString())) {
            int port = port(first.await("ready", 300));
            String finance = signIn(port, "finance");
            StringBuilder csv = new StringBuilder("id,dealId,closeDate,sku,family,units,amount,currency,industry,dealType,splits\n");
            for (int i = 0; i < ROWS; i++) {
                csv.append("CR").append(i).append(",DCR").append(i).append(",2026-11-05,A,CORE,1,100,USD,RETAIL,NEW,alice:100\n");
            }
            CompletableFuture<HttpResponse<String>> importing = HTTP.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/transactions"))
                    .header("Authorization", "Bearer " + finance).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(1500);
            first.kill();
            importing.handle((response, failure) -> null).join();
        }

        try (ChildJvm second = ChildJvm.start(ChildApp.class, config.toString())) {
            int port = port(second.await("ready", 300));
            assertThat(crashTransactions(directory)).isIn(0L, (long) ROWS);
            String finance = signIn(port, "finance");
            CompletableFuture<HttpResponse<String>> closing = HTTP.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/api/v1/periods/2026-Q4/close"))
                    .header("Authorization", "Bearer " + finance).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            Thread.sleep(150);
            second.kill();
            closing.handle((response, failure) -> null).join();
        }

        try (ChildJvm third = ChildJvm.start(ChildApp.class, config.toString())) {
            port(third.await("ready", 300));
            Jdbi database = database(directory);
            boolean closeRecorded = database.withHandle(handle -> handle.createQuery(
                    "select count(*) from audit_log where action = 'CLOSE_PERIOD' and entity_id = '2026-Q4'")
                    .mapTo(Long.class).one()) > 0;
            List<Map<String, Object>> statuses = database.withHandle(handle -> handle.createQuery(
                    "select status, count(*) as statements from commission_statements where period = '2026-Q4'"
                            + " group by status").mapToMap().list());
            if (closeRecorded) {
                assertThat(statuses).extracting(row -> row.get("status")).containsOnly("CLOSED");
            } else {
                assertThat(statuses).extracting(row -> row.get("status")).doesNotContain("CLOSED");
            }
            assertThat(crashTransactions(directory)).isIn(0L, (long) ROWS);
        }
    }

    private static Path writeConfig(Path directory) throws Exception {
        Path config = directory.resolve("crash-config.yml");
        Files.writeString(config, """
                demo: true
                database:
                  url: embedded
                  embeddedDataDirectory: %s
                  maxSize: 8
                  minSize: 1
                  initialSize: 1
                auth:
                  bcryptCost: 4
                rules:
                  directory: %s
                proposals:
                  templates: %s
                server:
                  applicationConnectors:
                    - type: http
                      port: 0
                  adminConnectors:
                    - type: http
                      bindHost: 127.0.0.1
                      port: 0
                  requestLog:
                    appenders: []
                logging:
                  level: WARN
                """.formatted(directory.resolve("postgres"), Path.of("rules").toAbsolutePath(),
                Path.of("templates/proposal").toAbsolutePath()));
        return config;
    }

    private static int port(String readyLine) {
        return Integer.parseInt(readyLine.substring("ready ".length()).strip());
    }

    private static String signIn(int port, String username) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/auth/token")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + username + "\",\"password\":\"demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body().replaceAll(".*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    /** The running child's embedded database: its port from postmaster.pid, its password from its file. */
    private static Jdbi database(Path directory) throws Exception {
        Path data = directory.resolve("postgres");
        List<String> pid = Files.readAllLines(data.resolve("postmaster.pid"));
        return Jdbi.create("jdbc:postgresql://localhost:" + pid.get(3).strip() + "/postgres", "postgres",
                Files.readString(data.resolve("dealdesk-password")).strip());
    }

    private static long crashTransactions(Path directory) throws Exception {
        return database(directory).withHandle(handle -> handle.createQuery(
                "select count(*) from commission_transactions where id like 'CR%'").mapTo(Long.class).one());
    }
}
