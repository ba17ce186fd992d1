package dealdesk.testing;

import dealdesk.db.DatabaseFactory;
import dealdesk.db.Migrations;
import io.zonky.test.db.postgres.embedded.DatabasePreparer;
import io.zonky.test.db.postgres.embedded.PreparedDbProvider;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;
import java.sql.SQLException;

/**
 * One real PostgreSQL per test JVM (zonky's {@link PreparedDbProvider}). The
 * service's own Flyway migrations run once into a template; each caller gets
 * a new database cloned from it, so test classes never see each other's rows.
 */
public final class TestDatabase {
    private static final PreparedDbProvider PROVIDER = PreparedDbProvider.forPreparer(new FlywayMigrations());

    private TestDatabase() {
    }

    /** The JDBC URL (user and password in it) of a new, migrated, empty database. */
    public static String freshUrl() {
        try {
            return PROVIDER.createDatabase();
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database: " + e.getMessage(), e);
        }
    }

    /** A Jdbi, configured like the service's, on a new, migrated, empty database. */
    public static Jdbi freshJdbi() {
        return DatabaseFactory.configure(Jdbi.create(freshUrl()));
    }

    /** Runs the service's migrations; one instance (equal to every other) means one cluster per JVM. */
    private record FlywayMigrations() implements DatabasePreparer {
        @Override
        public void prepare(DataSource template) {
            Migrations.of(template).migrate();
        }
    }
}
