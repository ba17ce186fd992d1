package dealdesk;

import com.fasterxml.jackson.annotation.JsonProperty;
import dealdesk.auth.AuthFactory;
import dealdesk.db.DatabaseFactory;
import io.dropwizard.core.Configuration;
import io.dropwizard.util.DataSize;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** config.yml: every section has working defaults, so an empty file runs an embedded, empty dealdesk. */
public class DealdeskConfiguration extends Configuration {

    @Valid
    @NotNull
    @JsonProperty
    private DatabaseFactory database = new DatabaseFactory();

    @Valid
    @NotNull
    @JsonProperty
    private AuthFactory auth = new AuthFactory();

    @Valid
    @NotNull
    @JsonProperty
    private RulesFactory rules = new RulesFactory();

    @Valid
    @NotNull
    @JsonProperty
    private ProposalsFactory proposals = new ProposalsFactory();

    @Valid
    @NotNull
    @JsonProperty
    private CommissionFactory commission = new CommissionFactory();

    @Valid
    @NotNull
    @JsonProperty
    private QuotesFactory quotes = new QuotesFactory();

    @Valid
    @NotNull
    @JsonProperty
    private DealsFactory deals = new DealsFactory();

    @Valid
    @NotNull
    @JsonProperty
    private dealdesk.pipeline.PipelineFactory pipeline = new dealdesk.pipeline.PipelineFactory();

    @Valid
    @NotNull
    @JsonProperty
    private ClockFactory clock = new ClockFactory();

    /** Seed demo users, catalog, plans and deals into an empty database. */
    @JsonProperty
    private boolean demo = false;

    /** Request bodies above this size are refused with 413. */
    @NotNull
    @JsonProperty
    private DataSize maxRequestSize = DataSize.megabytes(10);

    /** The admin connector (threads, metrics, tasks; no authentication) listens on loopback unless told. */
    public DealdeskConfiguration() {
        if (getServerFactory() instanceof io.dropwizard.core.server.DefaultServerFactory server) {
            server.getAdminConnectors().stream()
                    .filter(io.dropwizard.jetty.HttpConnectorFactory.class::isInstance)
                    .map(io.dropwizard.jetty.HttpConnectorFactory.class::cast)
                    .forEach(connector -> connector.setBindHost("127.0.0.1"));
        }
    }

    public DatabaseFactory getDatabase() {
        return database;
    }

    public AuthFactory getAuth() {
        return auth;
    }

    public RulesFactory getRules() {
        return rules;
    }

    public ProposalsFactory getProposals() {
        return proposals;
    }

    public CommissionFactory getCommission() {
        return commission;
    }

    public QuotesFactory getQuotes() {
        return quotes;
    }

    public DealsFactory getDeals() {
        return deals;
    }

    public dealdesk.pipeline.PipelineFactory getPipeline() {
        return pipeline;
    }

    public ClockFactory getClock() {
        return clock;
    }

    public boolean isDemo() {
        return demo;
    }

    public DataSize getMaxRequestSize() {
        return maxRequestSize;
    }

    /** Where the DRL lives: {@code rules/pricing/*.drl}, {@code rules/commission/*.drl}. */
    public static class RulesFactory {
        @NotNull
        @JsonProperty
        private String directory = "rules";

        public java.nio.file.Path directory() {
            return java.nio.file.Path.of(directory);
        }
    }

    /** Where proposal templates, message bundles, fonts and the logo live. */
    public static class ProposalsFactory {
        @NotNull
        @JsonProperty
        private String templates = "templates/proposal";

        /** Reads every template, bundle and font once; a broken template stops start-up with its reason. */
        public dealdesk.proposal.ProposalRenderer buildRenderer() {
            return dealdesk.proposal.ProposalRenderer.fromDirectory(java.nio.file.Path.of(templates));
        }

        /** The proposal fonts, for other documents that must render any script (statements). */
        public dealdesk.proposal.FontLibrary buildFonts() {
            return dealdesk.proposal.FontLibrary.load(java.nio.file.Path.of(templates).resolve("fonts"));
        }

        public dealdesk.proposal.ProposalService buildService(dealdesk.quote.QuoteService quotes,
                dealdesk.catalog.CatalogService catalog, dealdesk.auth.UserService users) {
            return new dealdesk.proposal.ProposalService(quotes, catalog, users, buildRenderer());
        }
    }

    /** How long a quote version is valid: it expires this many days after the version's date. */
    public static class QuotesFactory {
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(365)
        @JsonProperty
        private int validityDays = 30;

        public java.time.Period validity() {
            return java.time.Period.ofDays(validityDays);
        }
    }

    /** How far ahead a deal's close date may be: today plus this many days (the earliest is 2000-01-01). */
    public static class DealsFactory {
        @jakarta.validation.constraints.Min(1)
        @jakarta.validation.constraints.Max(3660)
        @JsonProperty
        private int closeDateHorizonDays = 1830;

        public java.time.Period closeDateHorizon() {
            return java.time.Period.ofDays(closeDateHorizonDays);
        }
    }

    /** The commission engine: rules from {@code <rules.directory>/commission}, background recompute workers. */
    public static class CommissionFactory {
        @jakarta.validation.constraints.Min(0)
        @jakarta.validation.constraints.Max(16)
        @JsonProperty
        private int recomputeWorkers = 1;

        public int recomputeWorkers() {
            return recomputeWorkers;
        }

        /** A rep's own closed-won deal books at once instead of waiting for her manager or finance. */
        @JsonProperty
        private boolean autoConfirmOwnBookings = false;

        public boolean autoConfirmOwnBookings() {
            return autoConfirmOwnBookings;
        }

        /** On the commission rules in force for each period (rule sets; rules/commission is version 1). */
        public dealdesk.commission.CommissionServices buildServices(org.jdbi.v3.core.Jdbi jdbi,
                                                                    dealdesk.auth.UserService users,
                                                                    dealdesk.rules.RuleSetService ruleSets,
                                                                    dealdesk.commission.ExchangeRates rates,
                                                                    java.time.Clock clock) {
            return dealdesk.commission.CommissionServices.build(jdbi, users,
                    dealdesk.rules.RuleSetEngines.commissionEngine(ruleSets, clock), rates, clock);
        }
    }

    /** Where "now" comes from: the system clock in UTC, or a fixed instant (demos, reproducible runs). */
    public static class ClockFactory {
        @JsonProperty
        private java.time.Instant fixedAt;

        public java.time.Clock build() {
            return fixedAt == null ? java.time.Clock.systemUTC() : java.time.Clock.fixed(fixedAt, java.time.ZoneOffset.UTC);
        }
    }
}
