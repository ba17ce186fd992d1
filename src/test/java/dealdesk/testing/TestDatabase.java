package dealdesk.testing;

import dealdesk.db.DatabaseFactory;
import dealdesk.db.Migrator;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jdbi.v3.core.Jdbi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL per test JVM. Each caller gets a new database cloned
 * from a migrated template, so test classes never see each other's rows.
 */
public final class TestDatabase {
    private static final String TEMPLATE = "dealdesk_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    private static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
                try (Connection connection = postgres.getPostgresDatabase().getConnection();
                     Statement statement = connection.createStatement()) {
                    statement.execute("create database " + TEMPLATE);
                }
                Migrator.migrate(postgres.getJdbcUrl("postgres", TEMPLATE), "postgres", "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            }));
        }
        return postgres;
    }

    /** The JDBC URL (user postgres, no password) of a new, migrated, empty database. */
    public static String freshUrl() {
        EmbeddedPostgres server = postgres();
        String name = "test_" + COUNTER.incrementAndGet();
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name + " template " + TEMPLATE);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return server.getJdbcUrl("postgres", name);
    }

    /** A Jdbi, configured like the service's, on a new, migrated, empty database. */
    public static Jdbi freshJdbi() {
        return DatabaseFactory.configure(Jdbi.create(freshUrl(), "postgres", ""));
    }
}
