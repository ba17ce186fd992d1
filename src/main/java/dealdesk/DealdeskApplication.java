package dealdesk;

import dealdesk.auth.AddUserCommand;
import dealdesk.auth.AuthResource;
import dealdesk.auth.BearerAuth;
import dealdesk.auth.UserService;
import dealdesk.catalog.CatalogResource;
import dealdesk.catalog.CatalogService;
import dealdesk.commission.BookingResource;
import dealdesk.commission.CommissionServices;
import dealdesk.commission.DealBookings;
import dealdesk.commission.PendingBookingResource;
import dealdesk.commission.PendingBookings;
import dealdesk.commission.DealPipeline;
import dealdesk.commission.InsightService;
import dealdesk.commission.PlanResource;
import dealdesk.commission.QuoteCommissionEstimator;
import dealdesk.commission.RecomputeJobs;
import dealdesk.commission.StatementResource;
import dealdesk.common.Audit;
import dealdesk.common.CleanRequests;
import dealdesk.common.JsonErrorPages;
import dealdesk.common.OpenApiResource;
import dealdesk.common.Json;
import dealdesk.common.JsonErrorMappers;
import dealdesk.common.RequestSizeLimit;
import dealdesk.common.RulesDirectoryHealthCheck;
import dealdesk.common.StartupBanner;
import dealdesk.db.DbCommand;
import dealdesk.finance.AdjustmentResource;
import dealdesk.finance.AdjustmentService;
import dealdesk.finance.AuditResource;
import dealdesk.finance.DisputeResource;
import dealdesk.finance.DisputeService;
import dealdesk.finance.ExchangeRateResource;
import dealdesk.finance.ExchangeRateService;
import dealdesk.finance.PeriodResource;
import dealdesk.finance.PeriodService;
import dealdesk.finance.PriorPeriods;
import dealdesk.finance.StatementDocumentResource;
import dealdesk.finance.StatementDocuments;
import dealdesk.deal.DealImport;
import dealdesk.deal.DealResource;
import dealdesk.deal.DealService;
import dealdesk.deal.DealsForQuotes;
import dealdesk.demo.DemoSeeder;
import dealdesk.pipeline.Pipeline;
import dealdesk.pricing.PricingResource;
import dealdesk.pricing.PricingService;
import dealdesk.proposal.ProposalResource;
import dealdesk.proposal.ProposalService;
import dealdesk.quote.QuotePricer;
import dealdesk.rules.CommissionRuleChanges;
import dealdesk.rules.PlanChangeResource;
import dealdesk.rules.PlanExplainer;
import dealdesk.rules.WhatIfService;
import dealdesk.rules.RuleSetEngines;
import dealdesk.rules.RuleSetResource;
import dealdesk.rules.RuleBase;
import dealdesk.rules.RuleBaseHealthCheck;
import dealdesk.rules.RuleSetService;
import dealdesk.quote.QuoteResource;
import dealdesk.quote.QuoteSearch;
import dealdesk.quote.QuoteService;
import dealdesk.web.ApprovalsPage;
import dealdesk.web.Csrf;
import dealdesk.web.PlanPage;
import dealdesk.web.DashboardFigures;
import dealdesk.web.DealsPage;
import dealdesk.web.NotFoundPage;
import dealdesk.web.PageResource;
import dealdesk.web.Pages;
import dealdesk.web.StaticResource;
import dealdesk.web.TeamPage;
import dealdesk.web.QuotesPage;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import org.jdbi.v3.core.Jdbi;

import java.time.Clock;
import java.util.List;

/** Wiring only: database, features, resources, health checks. Read top to bottom. */
public class DealdeskApplication extends Application<DealdeskConfiguration> {
    private final Clock clockOverride;

    public DealdeskApplication() {
        this(null);
    }

    /** For full-application tests: this clock wins over {@code clock} in the configuration. */
    public DealdeskApplication(Clock clock) {
        this.clockOverride = clock;
    }

    public static void main(String[] args) throws Exception {
        new DealdeskApplication().run(args);
    }

    @Override
    public String getName() {
        return "dealdesk";
    }

    @Override
    public void initialize(Bootstrap<DealdeskConfiguration> bootstrap) {
        bootstrap.setConfigurationSourceProvider(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        Json.configure(bootstrap.getObjectMapper());
        bootstrap.addCommand(new DbCommand());
        bootstrap.addCommand(new AddUserCommand());
        bootstrap.addBundle(Pages.viewBundle());
    }

    @Override
    public void run(DealdeskConfiguration config, Environment environment) {
        Clock clock = clockOverride != null ? clockOverride : config.getClock().build();
        ((AbstractServerFactory) config.getServerFactory()).setRegisterDefaultExceptionMappers(false);
        JsonErrorMappers.all().forEach(environment.jersey()::register);
        environment.jersey().register(new RequestSizeLimit(config.getMaxRequestSize().toBytes()));
        environment.jersey().register(new CleanRequests());
        JsonErrorPages.install(environment);

        Jdbi jdbi = Audit.useClock(config.getDatabase().build(environment), clock);
        UserService users = config.getAuth().buildUserService(jdbi, clock);
        BearerAuth.register(environment.jersey(), users);
        environment.jersey().register(new AuthResource(users));
        environment.healthChecks().register("rules", new RulesDirectoryHealthCheck(config.getRules().directory()));

        // --- catalog ---
        CatalogService catalog = new CatalogService(jdbi, clock);
        environment.jersey().register(new CatalogResource(catalog));

        // --- rule sets: rules/ is version 1 of each base; uploads change the rules without a restart ---
        RuleSetService ruleSets = new RuleSetService(jdbi, clock, config.getRules().directory());

        // --- commission (before quotes and deals: quotes show its estimates, won deals book into it) ---
        ExchangeRateService exchangeRates = new ExchangeRateService(jdbi, clock);
        CommissionServices commission = config.getCommission().buildServices(jdbi, users, ruleSets,
                exchangeRates::rate, clock);
        ruleSets.addActivationListener(new CommissionRuleChanges(commission.changes()));
        for (RuleBase base : RuleBase.values()) {
            environment.healthChecks().register(base.label() + "-rules",
                    new RuleBaseHealthCheck(ruleSets.inForce(), base, clock));
        }

        // --- pricing, quotes, deals ---
        PricingService pricing = new PricingService(jdbi, environment.getObjectMapper(), clock,
                RuleSetEngines.pricing(ruleSets, clock));
        QuotePricer quotePricer = new QuotePricer(catalog::snapshot, pricing,
                new QuoteCommissionEstimator(commission.estimates()));
        QuoteService quotes = new QuoteService(jdbi, environment.getObjectMapper(), clock, quotePricer, users,
                new DealsForQuotes(jdbi, users), config.getQuotes().validity());
        DealService deals = new DealService(jdbi, environment.getObjectMapper(), clock, users, quotes,
                new DealBookings(commission.bookings(), config.getCommission().autoConfirmOwnBookings()),
                config.getPipeline().buildAdvisor(commission.planLookup(), clock),
                config.getDeals().closeDateHorizon());
        environment.jersey().register(new PricingResource(pricing, catalog, environment.getObjectMapper()));
        QuoteSearch quoteSearch = new QuoteSearch(jdbi, environment.getObjectMapper());
        environment.jersey().register(new QuoteResource(quotes, quoteSearch));
        environment.jersey().register(new DealResource(deals, new DealImport(jdbi, deals, users)));

        // --- proposals ---
        ProposalService proposals = config.getProposals().buildService(quotes, catalog, users);
        environment.jersey().register(new ProposalResource(proposals));

        // --- commission resources, dashboard and recompute jobs ---
        InsightService insights = new InsightService(commission.statements(), commission.estimates(),
                commission.planLookup(), new DealPipeline(deals, quotes, users), clock);
        environment.jersey().register(new PlanResource(commission.plans()));
        environment.jersey().register(new BookingResource(commission.bookings()));
        PendingBookings pendingBookings = new PendingBookings(jdbi, users, deals, quotes, commission);
        environment.jersey().register(new PendingBookingResource(pendingBookings));
        environment.jersey().register(new StatementResource(commission.statements(), insights, users));
        environment.lifecycle().manage(new RecomputeJobs(commission.periods(), config.getCommission().recomputeWorkers()));

        // --- changing the rules and plans safely ---
        WhatIfService whatIf = new WhatIfService(jdbi, commission.statements(), ruleSets, clock);
        environment.jersey().register(new RuleSetResource(ruleSets, whatIf));
        environment.jersey().register(new PlanChangeResource(whatIf,
                new PlanExplainer(commission.planLookup(), commission.statements(), clock), users));

        // --- finance ---
        environment.jersey().register(new OpenApiResource(environment.jersey().getResourceConfig()));
        environment.jersey().register(new AuditResource(jdbi, environment.getObjectMapper()));
        AdjustmentService adjustments = new AdjustmentService(jdbi, users, commission, clock);
        commission.statements().useOverlay(adjustments::overlay);
        commission.changes().useLateChanges(new PriorPeriods(commission, adjustments));
        environment.jersey().register(new ExchangeRateResource(exchangeRates));
        environment.jersey().register(new AdjustmentResource(adjustments));
        environment.jersey().register(new DisputeResource(new DisputeService(jdbi, users, commission, adjustments, clock)));
        environment.jersey().register(new PeriodResource(new PeriodService(jdbi, users, commission, clock)));
        environment.jersey().register(new StatementDocumentResource(
                new StatementDocuments(commission, users, config.getProposals().buildFonts()), users));

        // --- pipeline: deal flags, coverage, funnel (deals in other currencies at finance's rates) ---
        Pipeline pipeline = new Pipeline(config.getPipeline(), jdbi, clock, users, deals, quotes, commission,
                exchangeRates::rate);
        environment.jersey().register(pipeline.resource());

        // --- web pages ---
        environment.jersey().register(new PageResource(users, catalog, deals, quotes, commission,
                new DashboardFigures(jdbi, commission, clock), clock).withPendingBookings(pendingBookings));
        environment.jersey().register(new QuotesPage(users, quoteSearch));
        environment.jersey().register(new ApprovalsPage(users, quoteSearch, quotes).withBookings(pendingBookings, deals));
        environment.jersey().register(new TeamPage(users, insights, quoteSearch));
        environment.jersey().register(new DealsPage(users, deals));
        environment.jersey().register(new PlanPage(users, commission, clock));
        environment.jersey().register(new dealdesk.web.PipelinePageResource(users, pipeline.pipeline(), pipeline.funnel()));
        environment.jersey().register(new NotFoundPage());
        environment.jersey().register(new dealdesk.web.FinanceConsoleResource(users));
        environment.jersey().register(new Csrf());
        environment.jersey().register(new StaticResource());

        // --- demo data and the ready line ---
        if (config.isDemo()) {
            new DemoSeeder(users, catalog, pricing, quotes, deals, commission, pipeline.funnel()).seedIfEmpty();
        }
        environment.lifecycle().addServerLifecycleListener(new StartupBanner(
                config.isDemo() ? DemoSeeder.LOGINS : List.of(), DemoSeeder.PASSWORD));
    }
}
