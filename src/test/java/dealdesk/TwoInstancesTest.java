package dealdesk;

import dealdesk.testing.TestApp;
import dealdesk.testing.TestDatabase;
import io.dropwizard.testing.DropwizardTestSupport;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.glassfish.jersey.client.JerseyClientBuilder;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Two applications on one PostgreSQL, as in a deployment with two instances behind a load balancer. */
class TwoInstancesTest {
    static final String URL = TestDatabase.freshUrl();
    static final DropwizardTestSupport<DealdeskConfiguration> FIRST = TestApp.support(null, URL);
    static final DropwizardTestSupport<DealdeskConfiguration> SECOND = TestApp.support(null, URL);
    static final Client CLIENT = new JerseyClientBuilder().build();
    static Jdbi database;

    @BeforeAll
    static void start() throws Exception {
        FIRST.before();
        SECOND.before();
        database = Jdbi.create(URL);
    }

    @AfterAll
    static void stop() {
        CLIENT.close();
        SECOND.after();
        FIRST.after();
    }

    static Response call(DropwizardTestSupport<DealdeskConfiguration> app, String method, String path, String token,
                         String json) {
        var request = CLIENT.target("http://localhost:" + app.getLocalPort() + path).request(MediaType.APPLICATION_JSON);
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return json == null ? request.method(method) : request.method(method, Entity.json(json));
    }

    static String signIn(DropwizardTestSupport<DealdeskConfiguration> app, String username) {
        return (String) TestApp.json(call(app, "POST", "/api/v1/auth/token", null,
                "{\"username\":\"" + username + "\",\"password\":\"demo\"}"), 200).get("token");
    }

    @Test
    void aProductCreatedOnOneInstanceIsSoonPricedOnTheOther() throws Exception {
        String admin = signIn(FIRST, "admin");
        TestApp.json(call(FIRST, "POST", "/api/v1/products", admin, "{\"sku\":\"HW-TWO\",\"name\":\"Two Box\","
                + "\"family\":\"HARDWARE\",\"kind\":\"ONE_TIME\",\"unit\":\"device\"}"), 201);

        int status = 0;
        for (int attempt = 0; attempt < 100 && status != 200; attempt++) {
            status = TestApp.status(call(SECOND, "GET", "/api/v1/products/HW-TWO", admin, null));
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        assertThat(status).isEqualTo(200);
    }

    @Test
    void aSignOutOnOneInstanceEndsTheTokenOnTheOtherAtOnce() {
        String token = signIn(FIRST, "alice");
        assertThat(TestApp.status(call(SECOND, "GET", "/api/v1/users/me", token, null))).isEqualTo(200);

        assertThat(TestApp.status(call(FIRST, "POST", "/api/v1/auth/logout", token, "{}"))).isEqualTo(204);

        assertThat(TestApp.status(call(SECOND, "GET", "/api/v1/users/me", token, null))).isEqualTo(401);
    }

    @Test
    void queuedStatementRecomputesAreEachClaimedByOneInstanceOnly() throws Exception {
        database.useHandle(handle -> {
            handle.execute("create table statement_writes (username text, period text)");
            handle.execute("""
                    create function count_statement_write() returns trigger language plpgsql as $$
                    begin insert into statement_writes values (new.username, new.period); return new; end $$""");
            handle.execute("""
                    create trigger statement_written after insert or update on commission_statements
                    for each row execute function count_statement_write()""");
            handle.execute("delete from commission_statements where status = 'OPEN'");
            for (String user : List.of("alice", "bob")) {
                for (String quarter : List.of("2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4")) {
                    handle.execute("insert into commission_jobs (username, period, enqueued_at) values (?, ?, now())"
                            + " on conflict do nothing", user, quarter);
                }
            }
        });

        long pending = -1;
        for (int attempt = 0; attempt < 300 && pending != 0; attempt++) {
            pending = database.withHandle(handle -> handle.createQuery("select count(*) from commission_jobs")
                    .mapTo(Long.class).one());
            if (pending != 0) {
                Thread.sleep(100);
            }
        }

        assertThat(pending).isZero();
        List<Map<String, Object>> writes = database.withHandle(handle -> handle.createQuery(
                "select username, period, count(*) as writes from statement_writes group by username, period")
                .mapToMap().list());
        assertThat(writes).hasSizeGreaterThanOrEqualTo(4)
                .allSatisfy(row -> assertThat(((Number) row.get("writes")).intValue()).as(row.toString()).isEqualTo(1));
    }
}
