package dealdesk.deal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.Json;
import dealdesk.demo.DealDemo;
import dealdesk.pricing.PricingEngine;
import dealdesk.pricing.PricingRules;
import dealdesk.pricing.PricingService;
import dealdesk.quote.Customer;
import dealdesk.quote.Quote;
import dealdesk.quote.QuoteLineRequest;
import dealdesk.quote.QuotePricer;
import dealdesk.quote.QuoteRequest;
import dealdesk.quote.QuoteService;
import dealdesk.quote.QuoteStatus;
import dealdesk.testing.MutableClock;
import dealdesk.testing.TestDatabase;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.jackson.Jackson;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DealServiceTest {
    static final PricingEngine ENGINE = new PricingEngine(PricingRules.load(Path.of("rules/pricing")));

    MutableClock clock = new MutableClock(Instant.parse("2026-11-20T10:00:00Z"));
    List<String> heard = new ArrayList<>();
    QuoteService quotes;
    DealService deals;
    User alice;
    User bob;
    User manager;

    @BeforeEach
    void setUp() {
        Jdbi jdbi = TestDatabase.freshJdbi();
        ObjectMapper mapper = Json.configure(Jackson.newObjectMapper());
        UserService users = new UserService(jdbi, new PasswordHasher(4), clock, Duration.ofHours(1));
        manager = users.create(new UserService.NewUser("manager", "Maya Manager", Role.MANAGER, "demo", null));
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
                new DealsForQuotes(jdbi, users), java.time.Period.ofDays(30));
        deals = new DealService(jdbi, mapper, clock, users, quotes, new DealClosedListener() {
            @Override
            public void dealClosedWon(Handle handle, Deal deal, Quote primaryQuote, Closing closing) {
                heard.add("won " + deal.account().name() + " on " + deal.closedOn() + " with quote " + primaryQuote.id()
                        + " " + primaryQuote.status() + " tcv " + primaryQuote.priced().totals().tcv().amount().toPlainString()
                        + " by " + closing.by() + (closing.byOwnRep() ? ", her own: waits for confirmation" : ""));
            }

            @Override
            public void bookingConfirmed(Handle handle, Deal deal, Quote primaryQuote, String confirmedBy) {
                heard.add("confirmed " + deal.account().name() + " by " + confirmedBy);
            }

            @Override
            public void dealCancelled(Handle handle, Deal deal, LocalDate cancelledOn, String cancelledBy) {
                heard.add("cancelled " + deal.account().name() + " on " + cancelledOn);
            }
        });
    }

    Deal newDeal(User owner, List<CreditSplit> splits) {
        return deals.create(owner, new DealRequest(new Account("Initech", "FINANCE"), null, splits, DealStage.QUALIFIED,
                LocalDate.of(2026, 12, 10), DealType.NEW, "Demo", null));
    }

    Quote newQuote(User owner, Deal deal, String seats, String discount) {
        return quotes.create(owner, new QuoteRequest(deal.id(), null,
                new Customer("Initech", "COMMERCIAL", "FINANCE", "US", "en-US"), "USD", "Standard USD", 12,
                LocalDate.of(2026, 12, 1), List.of(new QuoteLineRequest("CRM-PRO", new BigDecimal(seats), new BigDecimal(discount)))));
    }

    @Test
    void stageChangesAreRecordedWithWhoAndWhen() {
        Deal deal = newDeal(alice, null);
        clock.set(Instant.parse("2026-11-21T09:30:00Z"));

        Deal changed = deals.patch(manager, deal.id(), new DealPatch(deal.version(), null, null, DealStage.PROPOSAL, null,
                null, "Send proposal", null, null));

        assertThat(changed.probability()).isEqualTo(50);
        assertThat(changed.version()).isEqualTo(2);
        assertThat(changed.stageHistory()).containsExactly(
                new StageChange(null, DealStage.QUALIFIED, "alice", Instant.parse("2026-11-20T10:00:00Z")),
                new StageChange(DealStage.QUALIFIED, DealStage.PROPOSAL, "manager", Instant.parse("2026-11-21T09:30:00Z")));
        assertThat(changed.splits()).containsExactly(new CreditSplit("alice", new BigDecimal("100.0000")));
    }

    @Test
    void anotherRepMayNeitherSeeNorChangeADeal() {
        Deal deal = newDeal(alice, null);

        assertThatThrownBy(() -> deals.get(bob, deal.id())).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThatThrownBy(() -> deals.patch(bob, deal.id(), new DealPatch(null, null, null, null, null, null, "x", null, null)))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void aSplitGivesTheOtherRepSightOfTheDeal() {
        Deal deal = newDeal(alice, List.of(new CreditSplit("alice", new BigDecimal("70")),
                new CreditSplit("bob", new BigDecimal("30"))));

        assertThat(deals.get(bob, deal.id()).splits()).extracting(CreditSplit::username).containsExactly("alice", "bob");
        assertThat(deals.list(bob)).extracting(Deal::id).containsExactly(deal.id());
    }

    @Test
    void theFirstQuoteIsPrimaryAndClosingWonAcceptsItAndTellsTheListener() {
        Deal deal = newDeal(alice, null);
        Quote quote = newQuote(alice, deal, "10", "5");
        quotes.submit(alice, quote.id(), null);

        Deal won = deals.closeWon(manager, deal.id(), new DealService.CloseRequest(LocalDate.of(2026, 11, 25), null));

        assertThat(won.primaryQuoteId()).isEqualTo(quote.id());
        assertThat(deals.quotes(manager, deal.id())).extracting(Quote::id).containsExactly(quote.id());
        assertThat(won.stage()).isEqualTo(DealStage.CLOSED_WON);
        assertThat(won.probability()).isEqualTo(100);
        assertThat(quotes.load(quote.id()).status()).isEqualTo(QuoteStatus.ACCEPTED);
        // 10 seats at 100 less 5% = 950 a month for 12 months
        assertThat(heard).containsExactly("won Initech on 2026-11-25 with quote " + quote.id() + " ACCEPTED tcv 11400.00"
                + " by manager");
    }

    @Test
    void aRepClosingHerOwnDealNeedsTheCustomersAcceptanceAndHerBookingWaitsForHerManager() {
        Deal deal = newDeal(alice, null);
        Quote quote = newQuote(alice, deal, "10", "0");
        quotes.submit(alice, quote.id(), null);
        quotes.present(alice, quote.id());

        assertThatThrownBy(() -> deals.closeWon(alice, deal.id(), null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED);
                    assertThat(e.details()).extracting(detail -> detail.path()).containsExactly("primaryQuoteId");
                    assertThat(e.getMessage()).contains("PRESENTED");
                });
        assertThat(deals.get(alice, deal.id()).stage()).isEqualTo(DealStage.QUALIFIED);
        assertThat(quotes.load(quote.id()).status()).isEqualTo(QuoteStatus.PRESENTED);
        assertThat(heard).isEmpty();

        quotes.accept(alice, quote.id());
        deals.closeWon(alice, deal.id(), new DealService.CloseRequest(LocalDate.of(2026, 11, 25), null));
        assertThat(heard).containsExactly("won Initech on 2026-11-25 with quote " + quote.id() + " ACCEPTED tcv 12000.00"
                + " by alice, her own: waits for confirmation");

        for (User notAllowed : List.of(alice, bob)) {
            assertThatThrownBy(() -> deals.confirmBooking(notAllowed, deal.id()))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
        }
        deals.confirmBooking(manager, deal.id());
        assertThat(heard).last().isEqualTo("confirmed Initech by manager");
    }

    @Test
    void onlyADealClosedWonHasABookingToConfirm() {
        Deal deal = newDeal(alice, null);

        assertThatThrownBy(() -> deals.confirmBooking(manager, deal.id()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE));
        assertThatThrownBy(() -> deals.confirmBooking(manager, 999_999))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void aWonDealWithAnUnapprovedQuoteCannotClose() {
        Deal deal = newDeal(alice, null);
        Quote quote = newQuote(alice, deal, "10", "15");
        quotes.submit(alice, quote.id(), null);

        assertThatThrownBy(() -> deals.closeWon(alice, deal.id(), null)).isInstanceOf(ApiException.class)
                .hasMessageContaining("PENDING_APPROVAL");
        assertThat(heard).isEmpty();
    }

    @Test
    void cancellingAWonDealTellsTheListenerAndOnlyWonDealsCancel() {
        Deal deal = newDeal(alice, null);
        assertThatThrownBy(() -> deals.cancel(alice, deal.id())).isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code()).isEqualTo(ErrorCode.INVALID_STATE);
        Quote quote = newQuote(alice, deal, "10", "0");
        quotes.submit(alice, quote.id(), null);
        deals.closeWon(manager, deal.id(), new DealService.CloseRequest(LocalDate.of(2026, 11, 25), null));
        clock.set(Instant.parse("2026-12-02T12:00:00Z"));

        Deal cancelled = deals.cancel(manager, deal.id());

        assertThat(cancelled.stage()).isEqualTo(DealStage.CANCELLED);
        assertThat(cancelled.closedOn()).isEqualTo(LocalDate.of(2026, 11, 25));
        assertThat(heard).last().isEqualTo("cancelled Initech on 2026-12-02");
    }

    @Test
    void aQuoteOfAnotherDealCannotBecomePrimary() {
        Deal first = newDeal(alice, null);
        Deal second = newDeal(alice, null);
        Quote other = newQuote(alice, second, "1", "0");

        assertThatThrownBy(() -> deals.patch(alice, first.id(), new DealPatch(null, null, null, null, null, null, null, null,
                other.id()))).isInstanceOf(ApiException.class).hasMessageContaining("not a quote of deal");
    }

    @Test
    void aQuoteIsValidThirtyDaysThenShowsExpiredAndCannotBePresentedOrAccepted() {
        Deal deal = newDeal(alice, null);
        Quote quote = newQuote(alice, deal, "10", "0");
        assertThat(quote.validUntil()).isEqualTo(LocalDate.of(2026, 12, 20));
        quotes.submit(alice, quote.id(), null);

        clock.set(Instant.parse("2026-12-20T23:00:00Z"));
        assertThat(quotes.get(alice, quote.id()).status()).isEqualTo(QuoteStatus.APPROVED);
        clock.set(Instant.parse("2026-12-21T08:00:00Z"));
        assertThat(quotes.get(alice, quote.id()).status()).isEqualTo(QuoteStatus.EXPIRED);
        assertThatThrownBy(() -> quotes.present(alice, quote.id()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE);
                    assertThat(e.getMessage()).contains("expired on 2026-12-20");
                });
        assertThatThrownBy(() -> quotes.accept(alice, quote.id()))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_STATE));
        assertThatThrownBy(() -> deals.closeWon(alice, deal.id(), null)).isInstanceOf(ApiException.class);
        assertThat(deals.get(alice, deal.id()).stage()).isEqualTo(DealStage.QUALIFIED);

        // a change is a new version, valid for 30 days from today
        Quote changed = quotes.update(alice, quote.id(), new QuoteRequest(null, 1, quote.request().customer(), "USD",
                "Standard USD", 12, LocalDate.of(2027, 1, 1), quote.request().lines()));
        assertThat(changed.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(changed.validUntil()).isEqualTo(LocalDate.of(2027, 1, 20));
    }

    @Test
    void cloneCopiesAQuoteIntoANewDraftOnTheSameOrAnotherDeal() {
        Deal deal = newDeal(alice, null);
        Quote quote = newQuote(alice, deal, "12", "5");
        quotes.submit(alice, quote.id(), null);
        Deal other = newDeal(alice, null);

        Quote same = quotes.copy(alice, quote.id(), null);
        Quote moved = quotes.copy(alice, quote.id(), new QuoteService.CloneRequest(other.id()));

        assertThat(same.id()).isNotEqualTo(quote.id());
        assertThat(same.dealId()).isEqualTo(deal.id());
        assertThat(moved.dealId()).isEqualTo(other.id());
        assertThat(moved.status()).isEqualTo(QuoteStatus.DRAFT);
        assertThat(moved.version()).isEqualTo(1);
        assertThat(moved.request().lines()).isEqualTo(quote.request().lines());
        assertThat(moved.priced().totals().tcv().amount()).isEqualByComparingTo(quote.priced().totals().tcv().amount());
        // the other deal had no quote: the copy became its primary
        assertThat(deals.get(alice, other.id()).primaryQuoteId()).isEqualTo(moved.id());
        // bob may not see alice's quote, so may not copy it
        assertThatThrownBy(() -> quotes.copy(bob, quote.id(), null))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.FORBIDDEN));
    }

    @Test
    void closeDatesMustFallBetween2000AndTheHorizon() {
        assertThatThrownBy(() -> deals.create(alice, new DealRequest(new Account("Initech", "FINANCE"), null, null,
                DealStage.QUALIFIED, LocalDate.of(1999, 12, 31), DealType.NEW, null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details())
                        .extracting(detail -> detail.path() + ": " + detail.message())
                        .containsExactly("expectedCloseDate: a date from 2000-01-01 to 2031-11-20 is required"));
        Deal deal = newDeal(alice, null);
        assertThatThrownBy(() -> deals.patch(alice, deal.id(), new DealPatch(deal.version(), null, null, null,
                LocalDate.of(2031, 11, 21), null, null, null, null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_FAILED));
        Quote quote = newQuote(alice, deal, "10", "0");
        quotes.submit(alice, quote.id(), null);
        assertThatThrownBy(() -> deals.closeWon(alice, deal.id(), new DealService.CloseRequest(LocalDate.of(999999, 12, 31), null)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details()).extracting(detail -> detail.path())
                        .containsExactly("closeDate"));
        assertThat(deals.get(alice, deal.id()).stage()).isEqualTo(DealStage.QUALIFIED);
        // the edges themselves are fine
        assertThat(deals.closeWon(manager, deal.id(), new DealService.CloseRequest(LocalDate.of(2031, 11, 20), null))
                .closedOn()).isEqualTo(LocalDate.of(2031, 11, 20));
    }
}
