package dealdesk.demo;

import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.catalog.CatalogService;
import dealdesk.deal.Account;
import dealdesk.deal.BusinessCase;
import dealdesk.deal.CreditSplit;
import dealdesk.deal.Deal;
import dealdesk.deal.DealPatch;
import dealdesk.deal.DealRequest;
import dealdesk.deal.DealService;
import dealdesk.deal.DealStage;
import dealdesk.deal.DealType;
import dealdesk.pipeline.FunnelService;
import dealdesk.pipeline.api.FunnelPlanRequest;
import dealdesk.pricing.ApprovalLevel;
import dealdesk.pricing.ApprovalMetric;
import dealdesk.pricing.ApprovalThreshold;
import dealdesk.pricing.ContractedPrice;
import dealdesk.pricing.FloorPrice;
import dealdesk.pricing.PricingData;
import dealdesk.pricing.PricingService;
import dealdesk.pricing.Promotion;
import dealdesk.pricing.SegmentPrice;
import dealdesk.pricing.TermDiscount;
import dealdesk.pricing.VolumeMode;
import dealdesk.pricing.VolumeSchedule;
import dealdesk.pricing.VolumeTier;
import dealdesk.quote.ApprovalDecision;
import dealdesk.quote.Customer;
import dealdesk.quote.Quote;
import dealdesk.quote.QuoteLineRequest;
import dealdesk.quote.QuoteRequest;
import dealdesk.quote.QuoteService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Demo pricing data, deals and quotes: alice and bob each own a few deals with
 * primary quotes priced by the real rules; some closed won in 2026-Q4, one
 * lost, one waiting for approval. Everything goes through the services, so the
 * demo data obeys the same checks as the API.
 */
public final class DealDemo {
    static final LocalDate Q4_START = LocalDate.of(2026, 10, 1);

    private DealDemo() {
    }

    /** The demo pricing data, one or more entries per waterfall stage (tests price against it too). */
    public static PricingData pricingData() {
        return new PricingData(
                List.of(new VolumeSchedule("Sales Cloud seats", null, "CRM", VolumeMode.SLAB, true, List.of(
                                new VolumeTier(new BigDecimal("100"), BigDecimal.ZERO),
                                new VolumeTier(new BigDecimal("500"), new BigDecimal("5")),
                                new VolumeTier(null, new BigDecimal("10")))),
                        new VolumeSchedule("Scanner volume", "HW-SCANNER", null, VolumeMode.RANGE, false, List.of(
                                new VolumeTier(new BigDecimal("9"), BigDecimal.ZERO),
                                new VolumeTier(new BigDecimal("49"), new BigDecimal("8")),
                                new VolumeTier(null, new BigDecimal("12"))))),
                List.of(new TermDiscount("2-year term", 24, new BigDecimal("5")),
                        new TermDiscount("3-year term", 36, new BigDecimal("10"))),
                List.of(new SegmentPrice("EDUCATION", "CRM-PRO", "USD", new BigDecimal("70")),
                        new SegmentPrice("EDUCATION", "CRM-PRO", "EUR", new BigDecimal("64")),
                        new SegmentPrice("PARTNER", "CRM-PRO", "USD", new BigDecimal("80")),
                        new SegmentPrice("PARTNER", "CRM-STD", "USD", new BigDecimal("40"))),
                List.of(new ContractedPrice("Globex Corporation", "CRM-ENT", "USD", new BigDecimal("150"),
                        LocalDate.of(2026, 1, 1), LocalDate.of(2027, 12, 31))),
                List.of(new Promotion("Q4-ANALYTICS", null, "ANALYTICS", new BigDecimal("15"), Q4_START,
                                LocalDate.of(2026, 12, 31)),
                        new Promotion("SPRING-KIOSK", "HW-KIOSK", null, new BigDecimal("10"), LocalDate.of(2027, 3, 1),
                                LocalDate.of(2027, 5, 31))),
                List.of(new FloorPrice("Sales Cloud floor", null, "CRM", new BigDecimal("60")),
                        new FloorPrice("Hardware floor", null, "HARDWARE", new BigDecimal("70"))),
                List.of(new ApprovalThreshold(ApprovalLevel.MANAGER, ApprovalMetric.LINE_DISCOUNT_PERCENT, new BigDecimal("10")),
                        new ApprovalThreshold(ApprovalLevel.FINANCE, ApprovalMetric.LINE_DISCOUNT_PERCENT, new BigDecimal("25")),
                        new ApprovalThreshold(ApprovalLevel.DEAL_DESK, ApprovalMetric.TCV, new BigDecimal("500000"))));
    }

    /**
     * Seeds pricing data, deals and quotes into a database that has the demo users and catalog,
     * through the service's own pricing, quotes and deals, so that closing a deal won books its
     * commission like any other close. Deal changes are dated over 2026-Q4 (a demo clock), so the
     * funnel, the stage history and the flags have a quarter's story to tell.
     */
    public static void seed(PricingService pricing, QuoteService quotes, DealService liveDeals, UserService users,
                            CatalogService catalog, FunnelService funnel) {
        User admin = users.require("admin");
        pricing.replace(pricingData(), admin.username(), sku -> catalog.snapshot().product(sku).isPresent());
        User alice = users.require("alice");
        User bob = users.require("bob");
        User manager = users.require("manager");
        User finance = users.require("finance");
        DemoClock clock = new DemoClock();
        DealService deals = liveDeals.withClock(clock);

        // alice: a three-year new logo at the contracted Enterprise price, won in October
        clock.at("2026-10-01");
        Deal globex = deal(deals, alice, "Globex Corporation", "MANUFACTURING", DealType.NEW, "2026-10-20", null,
                new BusinessCase("Forecasts live in spreadsheets", "No shared pipeline", true, true, "Board review in Q4"));
        Quote globexQuote = quote(quotes, alice, globex, "Globex Corporation", "ENTERPRISE", "en-US", 36, "2026-10-01",
                line("CRM-ENT", "120", "0"), line("PLT-SSO", "120", "0"), line("SVC-ONBOARD", "40", "0"));
        win(deals, quotes, clock, alice, manager, finance, globex, globexQuote, "2026-10-20");

        // alice: an expansion with the Q4 analytics promotion and a 12% ask the manager approved, won in November
        clock.at("2026-10-12");
        Deal initech = deal(deals, alice, "Initech", "FINANCE", DealType.EXPANSION, "2026-11-18", null,
                new BusinessCase("Managers cannot see deal risk", "No scoring", true, false, "New CRO starts in December"));
        Quote initechQuote = quote(quotes, alice, initech, "Initech", "COMMERCIAL", "de-DE", 24, "2026-11-01",
                line("CRM-PRO", "50", "12"), line("AN-DASH", "50", "0"), line("AN-AI", "50", "0"));
        win(deals, quotes, clock, alice, manager, finance, initech, initechQuote, "2026-11-18");

        // alice: a large healthcare deal in negotiation, 30% asked: waits for the manager and finance
        clock.at("2026-10-05");
        Deal umbrella = deal(deals, alice, "Umbrella Health", "HEALTHCARE", DealType.NEW, "2026-12-18", null,
                new BusinessCase("Referral pipeline is invisible", "Three CRMs", false, true, null));
        Quote umbrellaQuote = quote(quotes, alice, umbrella, "Umbrella Health", "ENTERPRISE", "en-US", 12, "2027-01-01",
                line("CRM-PRO", "200", "30"), line("SUP-PREM", "200", "0"));
        quotes.submit(alice, umbrellaQuote.id(), null);
        clock.at("2026-11-12");
        deals.patch(alice, umbrella.id(), patchStage(DealStage.NEGOTIATION, "Finance approval of the 30% ask"));

        // bob: a retail roll-out split 70/30 with alice, signed on 2026-11-25 and booked on 2026-12-05
        clock.at("2026-10-08");
        Deal stark = deal(deals, bob, "Stark Retail", "RETAIL", DealType.NEW, "2026-12-05",
                List.of(new CreditSplit("bob", new BigDecimal("70")), new CreditSplit("alice", new BigDecimal("30"))),
                new BusinessCase("Stores go offline", "Single-line connectivity", true, true, "Holiday season"));
        Quote starkQuote = quote(quotes, bob, stark, "Stark Retail", "COMMERCIAL", "en-US", 12, "2026-11-15",
                line("BDL-RETAIL", "10", "0"), line("HW-GATEWAY", "10", "0"), line("HW-SCANNER", "40", "0"),
                line("SVC-INSTALL", "10", "0"), line("CRM-STD", "30", "0"));
        win(deals, quotes, clock, bob, manager, finance, stark, starkQuote, "2026-12-05");

        // bob: an education deal at the segment price, still a draft proposal
        clock.at("2026-10-26");
        Deal wayne = deal(deals, bob, "Wayne Academy", "EDUCATION", DealType.NEW, "2027-01-29", null,
                new BusinessCase("Admissions tracked by hand", null, false, false, null));
        quote(quotes, bob, wayne, "Wayne Academy", "EDUCATION", "en-GB", 12, "2027-02-01", line("CRM-PRO", "300", "0"));
        clock.at("2026-11-19");
        deals.patch(bob, wayne.id(), patchStage(DealStage.PROPOSAL, "Send the proposal"));

        // bob: lost on price in November
        clock.at("2026-10-03");
        Deal hooli = deal(deals, bob, "Hooli", "TECHNOLOGY", DealType.NEW, "2026-11-02", null, BusinessCase.empty());
        quote(quotes, bob, hooli, "Hooli", "COMMERCIAL", "en-US", 12, "2026-11-01", line("CRM-STD", "80", "5"));
        clock.at("2026-11-02");
        deals.closeLost(bob, hooli.id(), new DealService.CloseRequest(LocalDate.parse("2026-11-02"), "Chose a cheaper CRM"));

        funnel(deals, clock, alice, bob);
        FunnelPlanRequest plan = new FunnelPlanRequest(Map.of("PROSPECTING", 12, "QUALIFIED", 8, "NEEDS_ANALYSIS", 6,
                "PROPOSAL", 4, "NEGOTIATION", 3, "CLOSED_WON", 2));
        funnel.putPlan(manager, "alice", "2026-Q4", plan);
        funnel.putPlan(manager, "bob", "2026-Q4", plan);
    }

    /**
     * The rest of the funnel: deals with the rep's expected amount and no quote yet, at every
     * stage, some healthy, some flagged (no business case, a close date pushed three times or
     * passed, stale, no next step), and a lost one for the win rate.
     */
    private static void funnel(DealService deals, DemoClock clock, User alice, User bob) {
        BusinessCase complete = new BusinessCase("Month-end close takes two weeks", "Orders re-keyed by hand", true, true,
                "Auditors arrive in January");
        clock.at("2026-11-16");
        expected(deals, alice, "Acme Logistics", "LOGISTICS", "2027-02-26", "24000", "Discovery call on 2026-11-30",
                BusinessCase.empty());
        clock.at("2026-10-06");
        expected(deals, alice, "Soylent Foods", "FOOD", "2027-03-15", "18000", null, BusinessCase.empty());
        clock.at("2026-10-12");
        Deal cyberdyne = expected(deals, alice, "Cyberdyne Systems", "TECHNOLOGY", "2026-12-22", "60000",
                "Workshop with the operations team", complete);
        clock.at("2026-11-02");
        deals.patch(alice, cyberdyne.id(), patchStage(DealStage.QUALIFIED, "Workshop with the operations team"));
        clock.at("2026-09-15");
        Deal tyrell = expected(deals, alice, "Tyrell Corporation", "MANUFACTURING", "2026-12-30", "85000",
                "Map the approval chain", new BusinessCase("Replicated spreadsheets", null, false, false, null));
        clock.at("2026-10-08");
        deals.patch(alice, tyrell.id(), patchStage(DealStage.QUALIFIED, "Map the approval chain"));
        clock.at("2026-10-21");
        deals.patch(alice, tyrell.id(), patchStage(DealStage.NEEDS_ANALYSIS, "Map the approval chain"));
        clock.at("2026-10-01");
        Deal massive = expected(deals, alice, "Massive Dynamic", "TECHNOLOGY", "2026-11-30", "120000",
                "Proposal review with the CFO", complete);
        clock.at("2026-10-14");
        deals.patch(alice, massive.id(), patchStage(DealStage.NEEDS_ANALYSIS, "Security questionnaire"));
        // the close date slips three times; the second time the proposal goes out
        slip(deals, clock, alice, massive, "2026-10-28", null, "2026-12-10");
        slip(deals, clock, alice, massive, "2026-11-09", DealStage.PROPOSAL, "2026-12-18");
        slip(deals, clock, alice, massive, "2026-11-23", null, "2026-12-23");
        clock.at("2026-10-02");
        Deal vandelay = expected(deals, alice, "Vandelay Industries", "RETAIL", "2026-11-20", "30000", "Pricing call",
                BusinessCase.empty());
        clock.at("2026-10-09");
        deals.patch(alice, vandelay.id(), patchStage(DealStage.QUALIFIED, "Pricing call"));
        clock.at("2026-10-28");
        deals.closeLost(alice, vandelay.id(), new DealService.CloseRequest(LocalDate.parse("2026-10-28"),
                "Chose to build it themselves"));

        clock.at("2026-11-20");
        expected(deals, bob, "Oscorp", "MANUFACTURING", "2027-03-31", "15000", "First call with IT", BusinessCase.empty());
        clock.at("2026-10-19");
        Deal wonka = expected(deals, bob, "Wonka Industries", "FOOD", "2026-12-18", "40000", "Demo for the plant managers",
                complete);
        clock.at("2026-11-12");
        deals.patch(bob, wonka.id(), patchStage(DealStage.NEEDS_ANALYSIS, "Demo for the plant managers"));
        clock.at("2026-09-28");
        Deal piedPiper = expected(deals, bob, "Pied Piper", "TECHNOLOGY", "2026-11-20", "55000", "Redlines from legal",
                new BusinessCase("Storage costs double each year", "No compression", true, true, null));
        clock.at("2026-10-26");
        deals.patch(bob, piedPiper.id(), patchStage(DealStage.PROPOSAL, "Redlines from legal"));
        clock.at("2026-11-16");
        deals.patch(bob, piedPiper.id(), patchStage(DealStage.NEGOTIATION, "Redlines from legal"));
    }

    private static void slip(DealService deals, DemoClock clock, User owner, Deal deal, String day, DealStage stage,
                             String newCloseDate) {
        clock.at(day);
        deals.patch(owner, deal.id(), new DealPatch(null, null, null, stage, LocalDate.parse(newCloseDate), null, null,
                null, null));
    }

    private static Deal expected(DealService deals, User owner, String account, String industry, String expectedClose,
                                 String amount, String nextStep, BusinessCase businessCase) {
        return deals.create(owner, new DealRequest(new Account(account, industry), owner.username(), null,
                DealStage.PROSPECTING, LocalDate.parse(expectedClose), DealType.NEW, nextStep, businessCase,
                new BigDecimal(amount), null, null, null));
    }

    private static Deal deal(DealService deals, User owner, String account, String industry, DealType type,
                             String expectedClose, List<CreditSplit> splits, BusinessCase businessCase) {
        return deals.create(owner, new DealRequest(new Account(account, industry), owner.username(), splits,
                DealStage.QUALIFIED, LocalDate.parse(expectedClose), type, "Demo with the buying committee", businessCase));
    }

    private static Quote quote(QuoteService quotes, User owner, Deal deal, String customer, String segment, String locale,
                               int termMonths, String startDate, QuoteLineRequest... lines) {
        return quotes.create(owner, new QuoteRequest(deal.id(), null,
                new Customer(customer, segment, deal.account().industry(), "US", locale),
                "USD", "Standard USD", termMonths, LocalDate.parse(startDate), List.of(lines)));
    }

    private static QuoteLineRequest line(String sku, String quantity, String discount) {
        return new QuoteLineRequest(sku, new BigDecimal(quantity), new BigDecimal(discount));
    }

    private static DealPatch patchStage(DealStage stage, String nextStep) {
        return new DealPatch(null, null, null, stage, null, null, nextStep, null, null);
    }

    /**
     * Submits, gets every approval it needs, presents, records the customer's acceptance, closes the deal won on
     * the day (or by 2026-11-25), and has the manager confirm the rep's booking.
     */
    private static void win(DealService deals, QuoteService quotes, DemoClock clock, User owner, User manager,
                            User finance, Deal deal, Quote quote, String closeDate) {
        clock.at(closeDate.compareTo("2026-11-25") > 0 ? "2026-11-25" : closeDate);
        Quote submitted = quotes.submit(owner, quote.id(), null);
        if (submitted.approvals().stream().anyMatch(approval -> approval.level() == ApprovalLevel.MANAGER)) {
            quotes.approve(manager, quote.id(), new ApprovalDecision(null, "Strategic account"));
        }
        if (quotes.load(quote.id()).status() == dealdesk.quote.QuoteStatus.PENDING_APPROVAL) {
            quotes.approve(finance, quote.id(), new ApprovalDecision(null, "Within the quarter's guidance"));
        }
        deals.patch(owner, deal.id(), patchStage(DealStage.NEGOTIATION, "Signature"));
        quotes.present(owner, quote.id());
        quotes.accept(owner, quote.id());
        deals.closeWon(owner, deal.id(), new DealService.CloseRequest(LocalDate.parse(closeDate), null));
        // the rep closed her own deal: her manager confirms the booking (a rep's own close waits for that)
        if (owner.role() == dealdesk.auth.Role.REP) {
            confirmIfPending(deals, manager, deal.id());
        }
    }

    /** Confirms the deal's booking unless it confirmed by itself (commission.autoConfirmOwnBookings). */
    private static void confirmIfPending(DealService deals, User manager, long dealId) {
        try {
            deals.confirmBooking(manager, dealId);
        } catch (dealdesk.common.ApiException e) {
            if (e.code() != dealdesk.common.ErrorCode.INVALID_STATE) {
                throw e;
            }
        }
    }
}
