package dealdesk.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dealdesk.auth.PasswordHasher;
import dealdesk.auth.Role;
import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.catalog.CatalogDao;
import dealdesk.catalog.CatalogService;
import dealdesk.catalog.PriceBook;
import dealdesk.catalog.PriceBookEntry;
import dealdesk.catalog.Product;
import dealdesk.catalog.ProductKind;
import dealdesk.commission.CommissionServices;
import dealdesk.commission.DealBookings;
import dealdesk.commission.ExchangeRates;
import dealdesk.commission.api.AssignmentRequest;
import dealdesk.commission.engine.CommissionEngine;
import dealdesk.commission.engine.DroolsDecider;
import dealdesk.common.Json;
import dealdesk.deal.Account;
import dealdesk.deal.BusinessCase;
import dealdesk.deal.CreditSplit;
import dealdesk.deal.Deal;
import dealdesk.deal.DealFlag;
import dealdesk.deal.DealPatch;
import dealdesk.deal.DealRequest;
import dealdesk.deal.DealService;
import dealdesk.deal.DealStage;
import dealdesk.deal.DealType;
import dealdesk.deal.ForecastCategory;
import dealdesk.demo.DealDemo;
import dealdesk.pipeline.api.Funnel;
import dealdesk.pipeline.api.FunnelPlan;
import dealdesk.pipeline.api.FunnelPlanRequest;
import dealdesk.pipeline.api.PipelineReport;
import dealdesk.pricing.PricingEngine;
import dealdesk.pricing.PricingRules;
import dealdesk.pricing.PricingService;
import dealdesk.quote.Customer;
import dealdesk.quote.Quote;
import dealdesk.quote.QuoteLineRequest;
import dealdesk.quote.QuotePricer;
import dealdesk.quote.QuoteRequest;
import dealdesk.quote.QuoteService;
import dealdesk.testing.MutableClock;
import dealdesk.testing.TestDatabase;
import io.dropwizard.jackson.Jackson;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Coverage, the funnel and flags from scripted histories on a real database:
 * the clock is set before every step, so stage and close-date changes happen
 * on literal dates. Sales Cloud Professional costs 100 USD a seat a month; the
 * plan credits ACV, so a 12-month quote of 10 seats is worth 12,000.
 */
class PipelineServiceTest {
    static final PricingEngine ENGINE = new PricingEngine(PricingRules.load(Path.of("rules/pricing")));
    static final CommissionEngine COMMISSION = new CommissionEngine(DroolsDecider.fromDirectory(Path.of("rules/commission")));

    MutableClock clock = new MutableClock(Instant.parse("2026-09-01T09:00:00Z"));
    DealService deals;
    QuoteService quotes;
    CommissionServices commission;
    Pipeline pipeline;
    User alice;
    User bob;
    User manager;
    User finance;

    @BeforeEach
    void setUp() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        ObjectMapper mapper = Json.configure(Jackson.newObjectMapper());
        UserService users = new UserService(jdbi, new PasswordHasher(4), clock, Duration.ofHours(1));
        manager = users.create(new UserService.NewUser("manager", "Maya Manager", Role.MANAGER, "demo", null));
        finance = users.create(new UserService.NewUser("finance", "Fiona Finance", Role.FINANCE, "demo", null));
        alice = users.create(new UserService.NewUser("alice", "Alice Anders", Role.REP, "demo", "manager"));
        bob = users.create(new UserService.NewUser("bob", "Bob Baker", Role.REP, "demo", "manager"));
        CatalogService catalog = new CatalogService(jdbi, clock);
        catalog.seed(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            dao.upsertPriceBook(new PriceBook("Standard USD", "US dollars", true));
            dao.upsertProduct(new Product("CRM-PRO", "Sales Cloud Professional", "CRM", ProductKind.SUBSCRIPTION, "user",
                    false, "", true));
            dao.upsertEntry(new PriceBookEntry("Standard USD", "CRM-PRO", "USD", new BigDecimal("100"),
                    LocalDate.of(2026, 1, 1), null));
        });
        PricingService pricing = new PricingService(jdbi, mapper, clock, ENGINE);
        pricing.replace(DealDemo.pricingData(), "admin", sku -> true);
        quotes = new QuoteService(jdbi, mapper, clock, new QuotePricer(catalog::snapshot, pricing), users,
                new dealdesk.deal.DealsForQuotes(jdbi, users), java.time.Period.ofDays(30));
        commission = CommissionServices.build(jdbi, users, COMMISSION, clock);
        PipelineFactory config = new PipelineFactory();
        deals = new DealService(jdbi, mapper, clock, users, quotes, new DealBookings(commission.bookings()),
                config.buildAdvisor(commission.planLookup(), clock));
        pipeline = new Pipeline(config, jdbi, clock, users, deals, quotes, commission, (from, to, on) ->
                from.equals("EUR") && to.equals("USD") ? Optional.of(new ExchangeRates.Rate(new BigDecimal("1.10"),
                        LocalDate.of(2026, 11, 1))) : Optional.empty());
        commission.plans().putPlan("ae", """
                id: ae
                effectiveFrom: 2026-01-01
                period: QUARTER
                currency: USD
                creditBasis: ACV
                baseRate: 0.10
                """, "finance");
        commission.plans().putAssignment("ae", "alice", new AssignmentRequest("2026-01-01", null), "finance");
        commission.plans().putAssignment("ae", "bob", new AssignmentRequest("2026-01-01", null), "finance");
        commission.plans().putQuota("alice", "2026-Q4", new BigDecimal("100000"), "finance");
        commission.plans().putQuota("bob", "2026-Q4", new BigDecimal("50000"), "finance");
    }

    void at(String instant) {
        clock.set(Instant.parse(instant));
    }

    Deal deal(User owner, String account, DealStage stage, String expectedClose, String expectedAmount,
              List<CreditSplit> splits) {
        return deals.create(owner, new DealRequest(new Account(account, "RETAIL"), owner.username(), splits, stage,
                LocalDate.parse(expectedClose), DealType.NEW, "Call back", null,
                expectedAmount == null ? null : new BigDecimal(expectedAmount), null, null, null));
    }

    Deal move(User caller, Deal deal, DealStage stage) {
        return deals.patch(caller, deal.id(), new DealPatch(null, null, null, stage, null, null, null, null, null));
    }

    Quote quote(User owner, Deal deal, String seats) {
        return quotes.create(owner, new QuoteRequest(deal.id(), null, new Customer(deal.account().name(), "COMMERCIAL",
                "RETAIL", "US", "en-US"), "USD", "Standard USD", 12, LocalDate.of(2026, 10, 1),
                List.of(new QuoteLineRequest("CRM-PRO", new BigDecimal(seats), BigDecimal.ZERO))));
    }

    void win(User owner, Deal deal, String seats, String closeDate) {
        Quote quote = quote(owner, deal, seats);
        quotes.submit(owner, quote.id(), null);
        // closed by the manager: booked at once (a rep's own close waits for confirmation)
        deals.closeWon(manager, deal.id(), new DealService.CloseRequest(LocalDate.parse(closeDate), null));
    }

    @Test
    void coverageWeightedAndDealsNeededFromLiteralFigures() {
        // history: won 12,000 in August and 24,000 in October, lost two
        Deal august = deal(alice, "August Win", DealStage.NEGOTIATION, "2026-08-10", null, null);
        win(alice, august, "10", "2026-08-10");
        Deal october = deal(alice, "October Win", DealStage.NEGOTIATION, "2026-10-20", null, null);
        win(alice, october, "20", "2026-10-20");
        deals.closeLost(alice, deal(alice, "Lost One", DealStage.PROPOSAL, "2026-09-01", "5000", null).id(),
                new DealService.CloseRequest(LocalDate.parse("2026-09-01"), "price"));
        deals.closeLost(alice, deal(alice, "Lost Two", DealStage.PROPOSAL, "2026-11-05", "5000", null).id(),
                new DealService.CloseRequest(LocalDate.parse("2026-11-05"), "no budget"));
        // open in Q4: 10,000 at 10%, 20,000 at 50%, half of 40,000 at 75%, a 6,000 quote at 50%
        deal(alice, "Prospect", DealStage.PROSPECTING, "2026-12-01", "10000", null);
        deal(alice, "Proposal", DealStage.PROPOSAL, "2026-12-10", "20000", null);
        deal(bob, "Shared", DealStage.NEGOTIATION, "2026-11-30", "40000",
                List.of(new CreditSplit("alice", new BigDecimal("50")), new CreditSplit("bob", new BigDecimal("50"))));
        Deal quoted = deal(alice, "Quoted", DealStage.PROPOSAL, "2026-12-20", "99999", null);
        quote(alice, quoted, "5");
        // not in alice's Q4 pipeline: closes next year, or is bob's alone
        deal(alice, "Next Year", DealStage.QUALIFIED, "2027-01-15", "5000", null);
        deal(bob, "Bob Alone", DealStage.NEGOTIATION, "2026-12-01", "9999", null);
        at("2026-11-20T09:00:00Z");

        PipelineReport report = pipeline.pipeline().pipeline(alice, null, null, "2026-Q4");

        assertThat(report.period()).isEqualTo("2026-Q4");
        assertThat(report.currency()).isEqualTo("USD");
        assertThat(report.quota().amount()).isEqualByComparingTo("100000");
        assertThat(report.closedWon().amount()).isEqualByComparingTo("24000");
        assertThat(report.gap().amount()).isEqualByComparingTo("76000");
        assertThat(report.open().count()).isEqualTo(4);
        assertThat(report.open().amount().amount()).isEqualByComparingTo("56000");
        assertThat(report.open().weighted().amount()).isEqualByComparingTo("29000"); // 1,000 + 10,000 + 15,000 + 3,000
        assertThat(report.coverage()).isEqualByComparingTo("0.7368");
        assertThat(report.weightedCoverage()).isEqualByComparingTo("0.3816");
        assertThat(report.byStage()).extracting(stage -> stage.stage() + " " + stage.count() + " "
                        + stage.amount().amount().toPlainString() + " " + stage.weighted().amount().toPlainString())
                .containsExactly("PROSPECTING 1 10000.00 1000.00", "QUALIFIED 0 0.00 0.00", "NEEDS_ANALYSIS 0 0.00 0.00",
                        "PROPOSAL 2 26000.00 13000.00", "NEGOTIATION 1 20000.00 15000.00");
        assertThat(report.byForecastCategory()).extracting(category -> category.category() + " " + category.count()
                        + " " + category.amount().amount().toPlainString())
                .containsExactly("PIPELINE 1 10000.00", "BEST_CASE 2 26000.00", "COMMIT 1 20000.00", "OMITTED 0 0.00",
                        "CLOSED 1 24000.00");
        // history: won 2 of 4 in the year to 2026-12-31, at 18,000 on average
        assertThat(report.history().won()).isEqualTo(2);
        assertThat(report.history().lost()).isEqualTo(2);
        assertThat(report.winRate()).isEqualByComparingTo("0.5");
        assertThat(report.averageWonAmount().amount()).isEqualByComparingTo("18000");
        // 76,000 - 29,000 = 47,000 to build; a new deal brings 18,000 x 0.5 = 9,000: 5.2 -> 6 deals
        assertThat(report.forecast().toBuild().amount()).isEqualByComparingTo("47000");
        assertThat(report.dealsNeeded()).isEqualTo(6);
        assertThat(report.deals()).extracting(PipelineReport.OpenDeal::account)
                .containsExactly("Prospect", "Proposal", "Shared", "Quoted");
    }

    @Test
    void aTeamPipelineCountsASharedDealOnceAndAddsTheQuotas() {
        deal(bob, "Shared", DealStage.NEGOTIATION, "2026-11-30", "40000",
                List.of(new CreditSplit("alice", new BigDecimal("50")), new CreditSplit("bob", new BigDecimal("50"))));
        deal(alice, "Mine", DealStage.PROSPECTING, "2026-12-01", "10000", null);
        at("2026-11-20T09:00:00Z");

        PipelineReport team = pipeline.pipeline().pipeline(manager, null, "manager", "2026-Q4");

        assertThat(team.team()).isEqualTo("manager");
        assertThat(team.quota().amount()).isEqualByComparingTo("150000");
        assertThat(team.closedWon().amount()).isEqualByComparingTo("0");
        assertThat(team.open().count()).isEqualTo(2);
        assertThat(team.open().amount().amount()).isEqualByComparingTo("50000");
        assertThat(team.open().weighted().amount()).isEqualByComparingTo("31000");
        assertThat(team.coverage()).isEqualByComparingTo("0.3333");
        assertThat(team.dealsNeeded()).isNull(); // nobody has won or lost anything yet: no history to go by
    }

    @Test
    void aDealInAnotherCurrencyCountsAtFinancesRateAndWithoutARateIsLeftOutAndCounted() {
        deals.create(alice, new DealRequest(new Account("Euro Deal", "RETAIL"), null, null, DealStage.PROPOSAL,
                LocalDate.of(2026, 12, 1), DealType.NEW, "Call", null, new BigDecimal("10000"), "EUR", null, null));
        deals.create(alice, new DealRequest(new Account("Pound Deal", "RETAIL"), null, null, DealStage.PROPOSAL,
                LocalDate.of(2026, 12, 1), DealType.NEW, "Call", null, new BigDecimal("5000"), "GBP", null, null));
        at("2026-11-20T09:00:00Z");

        PipelineReport report = pipeline.pipeline().pipeline(alice, null, null, "2026-Q4");

        // 10,000 EUR at 1.10 is 11,000 USD, weighted at 50%; no GBP rate: the pound deal is left out
        assertThat(report.open().count()).isEqualTo(1);
        assertThat(report.open().amount().amount()).isEqualByComparingTo("11000");
        assertThat(report.open().weighted().amount()).isEqualByComparingTo("5500");
        assertThat(report.history().otherCurrency()).isEqualTo(1);
    }

    @Test
    void theFunnelCountsWhatEachStageReachedInThePeriodAgainstThePlan() {
        at("2026-08-01T09:00:00Z");
        Deal lateStarter = deal(alice, "Late Starter", DealStage.NEEDS_ANALYSIS, "2026-12-20", "8000", null);
        at("2026-09-01T09:00:00Z");
        move(alice, lateStarter, DealStage.PROPOSAL);
        at("2026-09-20T09:00:00Z");
        Deal skipper = deal(alice, "Skipper", DealStage.PROSPECTING, "2026-12-10", "10000", null);
        at("2026-10-02T09:00:00Z");
        Deal winner = deal(alice, "Winner", DealStage.QUALIFIED, "2026-11-10", null, null);
        at("2026-10-05T09:00:00Z");
        move(alice, skipper, DealStage.QUALIFIED);
        at("2026-10-10T09:00:00Z");
        Deal loser = deal(alice, "Loser", DealStage.PROSPECTING, "2026-11-30", "3000", null);
        at("2026-10-15T09:00:00Z");
        move(alice, winner, DealStage.NEEDS_ANALYSIS);
        at("2026-10-20T09:00:00Z");
        move(alice, skipper, DealStage.PROPOSAL); // passes NEEDS_ANALYSIS
        at("2026-10-30T09:00:00Z");
        deals.closeLost(alice, loser.id(), new DealService.CloseRequest(LocalDate.parse("2026-10-30"), "no budget"));
        at("2026-11-01T09:00:00Z");
        move(alice, winner, DealStage.NEGOTIATION); // passes PROPOSAL
        deal(alice, "Fresh", DealStage.PROSPECTING, "2026-12-31", "1000", null);
        at("2026-11-10T09:00:00Z");
        win(alice, winner, "5", "2026-11-10"); // 6,000 on ACV
        at("2026-12-15T09:00:00Z");
        move(alice, lateStarter, DealStage.NEGOTIATION);
        at("2027-01-05T09:00:00Z");
        deal(alice, "Next Quarter", DealStage.PROSPECTING, "2027-03-01", "5000", null);
        pipeline.funnel().putPlan(manager, "alice", "2026-Q4", new FunnelPlanRequest(
                Map.of("PROSPECTING", 40, "QUALIFIED", 20, "CLOSED_WON", 5)));

        Funnel funnel = pipeline.funnel().funnel(alice, "alice", null, "2026-Q4");

        assertThat(funnel.stages()).extracting(stage -> stage.stage() + " reached " + stage.reached() + " conversion "
                        + stage.conversionToNext() + " plan " + stage.plan() + " amount " + stage.amount().amount().toPlainString())
                .containsExactly(
                        "PROSPECTING reached 3 conversion 0.6667 plan 40 amount 10000.00",
                        "QUALIFIED reached 2 conversion 1.0000 plan 20 amount 16000.00",
                        "NEEDS_ANALYSIS reached 2 conversion 1.0000 plan null amount 16000.00",
                        "PROPOSAL reached 2 conversion 1.0000 plan null amount 16000.00",
                        "NEGOTIATION reached 2 conversion 0.5000 plan null amount 14000.00",
                        "CLOSED_WON reached 1 conversion null plan 5 amount 6000.00");
    }

    @Test
    void aFunnelPlanIsReplacedWholeAndReadBackInStageOrder() {
        pipeline.funnel().putPlan(finance, "bob", "2026-11", new FunnelPlanRequest(Map.of("QUALIFIED", 12, "PROSPECTING", 45)));
        Map<String, Integer> stages = new LinkedHashMap<>();
        stages.put("PROPOSAL", 6);
        stages.put("PROSPECTING", 42);

        FunnelPlan plan = pipeline.funnel().putPlan(manager, "bob", "2026-11", new FunnelPlanRequest(stages));

        assertThat(plan.stages()).containsExactly(Map.entry("PROSPECTING", 42), Map.entry("PROPOSAL", 6));
        assertThat(pipeline.funnel().getPlan(bob, "bob", "2026-11")).isEqualTo(plan);
    }

    @Test
    void pushingTheCloseDateLaterThreeTimesFlagsTheDealMovingItEarlierDoesNot() {
        at("2026-10-01T09:00:00Z");
        Deal deal = deals.create(alice, new DealRequest(new Account("Slippery", "RETAIL"), null, null,
                DealStage.QUALIFIED, LocalDate.of(2026, 10, 31), DealType.NEW, "Call", BusinessCase.empty()));
        for (String date : List.of("2026-11-15", "2026-11-10", "2026-11-30")) {
            deals.patch(alice, deal.id(), new DealPatch(null, null, null, null, LocalDate.parse(date), null, null, null, null));
        }
        at("2026-10-20T09:00:00Z");
        assertThat(deals.get(alice, deal.id()).flags()).isEmpty();

        Deal pushed = deals.patch(alice, deal.id(), new DealPatch(null, null, null, null, LocalDate.of(2026, 12, 15), null,
                null, null, null));

        assertThat(pushed.closeDateHistory()).hasSize(4);
        assertThat(pushed.flags()).extracting(DealFlag::code).containsExactly("CLOSE_DATE_PUSHED");
        at("2026-12-16T09:00:00Z");
        assertThat(deals.get(alice, deal.id()).flags()).extracting(DealFlag::code)
                .containsExactly("CLOSE_DATE_PUSHED", "CLOSE_DATE_PASSED", "STALE");
    }

    @Test
    void aDealDefaultsToThePlanCurrencyAndTheForecastCategoryFollowsTheStageUntilTheRepSetsIt() {
        at("2026-10-01T09:00:00Z");
        Deal deal = deal(alice, "Category", DealStage.PROPOSAL, "2026-12-01", "1500.50", null);
        assertThat(deal.currency().getCurrencyCode()).isEqualTo("USD");
        assertThat(deal.expectedAmount().amount()).isEqualByComparingTo("1500.50");
        assertThat(deal.forecastCategory()).isEqualTo(ForecastCategory.BEST_CASE);

        Deal committed = deals.patch(alice, deal.id(), new DealPatch(null, null, null, null, null, null, null, null, null,
                null, null, ForecastCategory.COMMIT));
        Deal moved = move(alice, committed, DealStage.NEGOTIATION);
        Deal back = move(alice, moved, DealStage.QUALIFIED);

        assertThat(committed.forecastCategory()).isEqualTo(ForecastCategory.COMMIT);
        assertThat(moved.forecastCategory()).isEqualTo(ForecastCategory.COMMIT);
        assertThat(back.forecastCategory()).isEqualTo(ForecastCategory.PIPELINE);
    }
}
