package dealdesk.db;

import dealdesk.DealdeskConfiguration;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;


/** {@code db migrate config.yml} applies pending migrations (Flyway); {@code db status config.yml} lists them. */
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
        try (EmbeddedPostgres embedded = database.startEmbeddedIfNeeded()) {
            Migrations migrations = Migrations.of(database.getUrl(), database.getUser(), database.getPassword());
            if ("migrate".equals(namespace.getString("action"))) {
                System.out.println("applied " + migrations.migrate() + " migration(s)");
            } else {
                migrations.status().forEach(System.out::println);
            }
        }
    }
}
