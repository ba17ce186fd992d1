package dealdesk.demo;

import dealdesk.auth.Role;
import dealdesk.auth.UserService;
import dealdesk.catalog.CatalogService;
import dealdesk.commission.CommissionServices;
import dealdesk.deal.DealService;
import dealdesk.pipeline.FunnelService;
import dealdesk.pricing.PricingService;
import dealdesk.quote.QuoteService;
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

    private final UserService users;
    private final CatalogService catalog;
    private final PricingService pricing;
    private final QuoteService quotes;
    private final DealService deals;
    private final CommissionServices commission;
    private final FunnelService funnel;

    public DemoSeeder(UserService users, CatalogService catalog, PricingService pricing, QuoteService quotes,
                      DealService deals, CommissionServices commission, FunnelService funnel) {
        this.users = users;
        this.catalog = catalog;
        this.pricing = pricing;
        this.quotes = quotes;
        this.deals = deals;
        this.commission = commission;
        this.funnel = funnel;
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
        new CommissionDemo(commission).seed();
        DealDemo.seed(pricing, quotes, deals, users, catalog, funnel);
        LOG.info("Seeded the demo users, catalog, pricing data, deals, quotes and commission plans");
        return true;
    }
}
