package dealdesk.demo;

import dealdesk.auth.Role;
import dealdesk.auth.UserService;
import dealdesk.catalog.CatalogService;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Demo mode: an empty database gets demo users (password {@code demo}), a
 * catalog, and what the other features seed on top. A database that already
 * has users is left alone, so a restart keeps what people changed.
 */
public class DemoSeeder {
    private static final Logger LOG = LoggerFactory.getLogger(DemoSeeder.class);
    public static final String PASSWORD = "demo";
    public static final List<String> LOGINS = List.of("admin", "finance", "manager", "alice", "bob");

    private final Jdbi jdbi;
    private final UserService users;
    private final CatalogService catalog;

    public DemoSeeder(Jdbi jdbi, UserService users, CatalogService catalog) {
        this.jdbi = jdbi;
        this.users = users;
        this.catalog = catalog;
    }

    /** Seeds an empty database; returns whether it did. */
    public boolean seedIfEmpty() {
        if (users.anyUserExists()) {
            return false;
        }
        users.create(new UserService.NewUser("admin", "Ada Admin", Role.ADMIN, PASSWORD, null));
        users.create(new UserService.NewUser("finance", "Fiona Finance", Role.FINANCE, PASSWORD, null));
        users.create(new UserService.NewUser("manager", "Maya Manager", Role.MANAGER, PASSWORD, null));
        users.create(new UserService.NewUser("alice", "Alice Anders", Role.REP, PASSWORD, "manager"));
        users.create(new UserService.NewUser("bob", "Bob Baker", Role.REP, PASSWORD, "manager"));
        catalog.seed(CatalogDemo::seed);
        DealDemo.seed(jdbi, users, catalog, java.nio.file.Path.of("rules"));
        new CommissionDemo(jdbi, users).seed();
        LOG.info("Seeded the demo users and catalog");
        return true;
    }
}
