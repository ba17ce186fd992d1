package dealdesk.auth;

import dealdesk.DealdeskConfiguration;
import dealdesk.db.DatabaseFactory;
import dealdesk.db.Migrations;
import io.dropwizard.core.cli.ConfiguredCommand;
import io.dropwizard.core.setup.Bootstrap;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import net.sourceforge.argparse4j.inf.Namespace;
import net.sourceforge.argparse4j.inf.Subparser;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;

/**
 * {@code add-user --username ada --name "Ada L" --role ADMIN config.yml}: creates a user,
 * e.g. the first admin when demo mode is off. The password comes from
 * {@code --password} or the DEALDESK_PASSWORD environment variable.
 */
public class AddUserCommand extends ConfiguredCommand<DealdeskConfiguration> {

    public AddUserCommand() {
        super("add-user", "Create a user (the first admin when demo mode is off)");
    }

    @Override
    public void configure(Subparser subparser) {
        subparser.addArgument("--username").required(true);
        subparser.addArgument("--name").required(true);
        subparser.addArgument("--role").choices("REP", "MANAGER", "FINANCE", "ADMIN").setDefault("ADMIN");
        subparser.addArgument("--manager");
        subparser.addArgument("--password").help("or set DEALDESK_PASSWORD");
        super.configure(subparser);
    }

    @Override
    protected void run(Bootstrap<DealdeskConfiguration> bootstrap, Namespace namespace,
                       DealdeskConfiguration configuration) throws Exception {
        String password = namespace.getString("password") != null ? namespace.getString("password")
                : System.getenv("DEALDESK_PASSWORD");
        if (password == null) {
            throw new IllegalArgumentException("give --password or set DEALDESK_PASSWORD");
        }
        DatabaseFactory database = configuration.getDatabase();
        try (EmbeddedPostgres embedded = database.startEmbeddedIfNeeded()) {
            Migrations.of(database.getUrl(), database.getUser(), database.getPassword()).migrate();
            Jdbi jdbi = DatabaseFactory.configure(Jdbi.create(database.getUrl(), database.getUser(),
                    database.getPassword()));
            UserService users = configuration.getAuth().buildUserService(jdbi, Clock.systemUTC());
            User user = users.create(new UserService.NewUser(namespace.getString("username"),
                    namespace.getString("name"), Role.valueOf(namespace.getString("role")), password,
                    namespace.getString("manager")));
            System.out.println("created " + user.role() + " " + user.username());
        }
    }
}
