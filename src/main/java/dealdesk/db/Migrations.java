package dealdesk.db;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;

/**
 * The schema, through Flyway: {@code classpath:db/migration/V###__name.sql}
 * in version order, each in its own transaction, with checksums (a changed
 * applied migration stops the start) and Flyway's PostgreSQL lock (two
 * instances never migrate at once).
 */
public final class Migrations {
    private static final Logger LOG = LoggerFactory.getLogger(Migrations.class);
    public static final String LOCATION = "classpath:db/migration";

    private final Flyway flyway;
    private final DataSource dataSource;

    private Migrations(FluentConfiguration configuration, String location) {
        // Features add migrations in parallel (V030 finance, V016 quotes): a database that already has a
        // higher version still takes a lower one that arrived later, instead of refusing to start.
        this.flyway = configuration.locations(location).validateMigrationNaming(true).outOfOrder(true).load();
        this.dataSource = flyway.getConfiguration().getDataSource();
    }

    public static Migrations of(String url, String user, String password) {
        return new Migrations(Flyway.configure().dataSource(url, user, password), LOCATION);
    }

    public static Migrations of(DataSource dataSource) {
        return new Migrations(Flyway.configure().dataSource(dataSource), LOCATION);
    }

    /** Migrations from another location ({@code filesystem:/path}), for tests of Flyway's checks. */
    static Migrations of(DataSource dataSource, String location) {
        return new Migrations(Flyway.configure().dataSource(dataSource), location);
    }

    /** Applies pending migrations; returns how many ran. */
    public int migrate() {
        adoptLegacyHistory();
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("Applied {} database migration(s); schema at V{}", result.migrationsExecuted, result.targetSchemaVersion);
        }
        return result.migrationsExecuted;
    }

    /** One line per migration, {@code applied  V1__users} or {@code pending  V20__commission}. */
    public List<String> status() {
        return Arrays.stream(flyway.info().all())
                .map(Migrations::line)
                .toList();
    }

    private static String line(MigrationInfo info) {
        String state = info.getState().isApplied() ? "applied" : info.getState().getDisplayName().toLowerCase();
        return String.format("%-8s V%s__%s", state, info.getVersion(), info.getDescription().replace(' ', '_'));
    }

    /**
     * A database migrated by dealdesk's earlier hand-made migrator has its own
     * {@code schema_migrations} table and no Flyway history: Flyway starts it
     * as a baseline at the highest version applied there instead of running
     * V001 against existing tables.
     */
    private void adoptLegacyHistory() {
        OptionalInt legacyVersion = legacyVersion();
        if (legacyVersion.isPresent()) {
            LOG.info("Adopting the schema at V{} from schema_migrations as Flyway's baseline", legacyVersion.getAsInt());
            Flyway.configure()
                    .configuration(flyway.getConfiguration())
                    .baselineVersion(String.valueOf(legacyVersion.getAsInt()))
                    .baselineDescription("schema_migrations")
                    .load()
                    .baseline();
        }
    }

    private OptionalInt legacyVersion() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("""
                     select to_regclass('schema_migrations') is not null,
                            to_regclass('flyway_schema_history') is not null""")) {
            tables.next();
            if (!tables.getBoolean(1) || tables.getBoolean(2)) {
                return OptionalInt.empty();
            }
            try (ResultSet max = statement.executeQuery("select max(version) from schema_migrations")) {
                max.next();
                int version = max.getInt(1);
                return max.wasNull() ? OptionalInt.empty() : OptionalInt.of(version);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the migration history: " + e.getMessage(), e);
        }
    }
}
