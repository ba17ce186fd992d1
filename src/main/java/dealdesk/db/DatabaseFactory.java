package dealdesk.db;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.db.DataSourceFactory;
import io.dropwizard.jdbi3.JdbiFactory;
import io.dropwizard.lifecycle.Managed;
import io.dropwizard.core.setup.Environment;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.validation.constraints.NotNull;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.postgres.PostgresPlugin;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The database: an external PostgreSQL when {@code url} is a JDBC URL, else (url
 * {@code embedded}) an
 * embedded one whose data lives under {@code embeddedDataDirectory}, so a
 * second start finds its data again ({@link EmbeddedDatabase}: durable,
 * password-protected, recovers by itself after kill -9). Migrations run before anything else
 * touches it.
 */
public class DatabaseFactory extends DataSourceFactory {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFactory.class);
    /** The url that asks for the embedded PostgreSQL. */
    public static final String EMBEDDED = "embedded";

    @NotNull
    private String embeddedDataDirectory = "data/postgres";

    private int embeddedPort = 0;

    private boolean migrateOnStart = true;

    public DatabaseFactory() {
        setDriverClass("org.postgresql.Driver");
        setUrl(EMBEDDED);
        setUser("");
        setPassword("");
    }

    @JsonProperty
    public String getEmbeddedDataDirectory() {
        return embeddedDataDirectory;
    }

    @JsonProperty
    public void setEmbeddedDataDirectory(String embeddedDataDirectory) {
        this.embeddedDataDirectory = embeddedDataDirectory;
    }

    @JsonProperty
    public int getEmbeddedPort() {
        return embeddedPort;
    }

    @JsonProperty
    public void setEmbeddedPort(int embeddedPort) {
        this.embeddedPort = embeddedPort;
    }

    @JsonProperty
    public boolean isMigrateOnStart() {
        return migrateOnStart;
    }

    @JsonProperty
    public void setMigrateOnStart(boolean migrateOnStart) {
        this.migrateOnStart = migrateOnStart;
    }

    public boolean isEmbedded() {
        return getUrl() == null || getUrl().isBlank() || EMBEDDED.equals(getUrl());
    }

    /**
     * Starts the embedded PostgreSQL when no URL is configured and points
     * this factory at it. Returns the handle to close, or null for an
     * external database.
     */
    public EmbeddedPostgres startEmbeddedIfNeeded() {
        if (!isEmbedded()) {
            return null;
        }
        Path dataDirectory = Path.of(embeddedDataDirectory).toAbsolutePath();
        try {
            boolean existing = Files.exists(dataDirectory.resolve("PG_VERSION"));
            EmbeddedDatabase.Started started = EmbeddedDatabase.start(dataDirectory, embeddedPort);
            EmbeddedPostgres postgres = started.postgres();
            setUrl(postgres.getJdbcUrl("postgres", "postgres"));
            setUser("postgres");
            setPassword(started.password());
            LOG.info("Embedded PostgreSQL on port {} with {} data in {}", postgres.getPort(),
                    existing ? "existing" : "new", dataDirectory);
            return postgres;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    /** Builds the pooled Jdbi (with its health check and metrics) and migrates the schema. */
    public Jdbi build(Environment environment) {
        EmbeddedPostgres embedded = startEmbeddedIfNeeded();
        if (embedded != null) {
            environment.lifecycle().manage(new Managed() {
                @Override
                public void stop() throws Exception {
                    embedded.close();
                }
            });
        }
        if (migrateOnStart) {
            Migrations.of(getUrl(), getUser(), getPassword()).migrate();
        }
        Jdbi jdbi = new JdbiFactory().build(environment, this, "database");
        return configure(jdbi);
    }

    /** The plugins and settings every Jdbi of dealdesk uses, in the service and in tests. */
    public static Jdbi configure(Jdbi jdbi) {
        return jdbi.installPlugin(new SqlObjectPlugin()).installPlugin(new PostgresPlugin());
    }
}
