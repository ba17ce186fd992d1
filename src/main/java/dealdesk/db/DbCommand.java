package dealdesk.db;

import dealdesk.DealdeskConfiguration;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;

import java.sql.Connection;
import java.sql.DriverManager;

/** {@code db migrate config.yml} applies pending migrations; {@code db status config.yml} lists them. */
public class DbCommand extends ConfiguredCommand<DealdeskConfiguration> {

    public DbCommand() {
        super("db", "Database migrations: db migrate|status config.yml");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("action").choices("migrate", "status").help("migrate or status");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<DealdeskConfiguration> bootstrap, Namespace namespace,
                       DealdeskConfiguration configuration) throws Exception {
        DatabaseFactory database = configuration.getDatabase();
        try (EmbeddedPostgres embedded = database.startEmbeddedIfNeeded();
             Connection connection = DriverManager.getConnection(database.getUrl(), database.getUser(),
                     database.getPassword())) {
            if ("migrate".equals(namespace.getString("action"))) {
                int applied = Migrator.migrate(connection);
                System.out.println("applied " + applied + " migration(s)");
            } else {
                Migrator.status(connection).forEach(System.out::println);
            }
        }
    }
}
