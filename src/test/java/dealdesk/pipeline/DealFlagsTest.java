package dealdesk.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.deal.Account;
import dealdesk.deal.BusinessCase;
import dealdesk.deal.CloseDateChange;
import dealdesk.deal.CreditSplit;
import dealdesk.deal.Deal;
import dealdesk.deal.DealFlag;
import dealdesk.deal.DealStage;
import dealdesk.deal.DealType;
import dealdesk.deal.ForecastCategory;
import dealdesk.deal.StageChange;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.time.Clock;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Each flag alone, on a deal that is otherwise healthy, as of 2026-11-20 (the clock is fixed). */
class DealFlagsTest {
    static final DealFlags FLAGS = new DealFlags(Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC), 30);
    static final BusinessCase COMPLETE = new BusinessCase("Forecasts live in spreadsheets", "No shared pipeline", true,
            true, "Board review on 2026-12-10");

    /** A healthy deal: full business case, next step, close date ahead, stage moved on 2026-11-10. */
    static Deal deal(DealStage stage, BusinessCase businessCase, String nextStep, LocalDate expectedClose,
                     Instant lastStageChange, List<CloseDateChange> closeDates) {
        List<StageChange> history = new ArrayList<>();
        history.add(new StageChange(null, DealStage.PROSPECTING, "alice", Instant.parse("2026-09-01T10:00:00Z")));
        if (stage != DealStage.PROSPECTING) {
            history.add(new StageChange(DealStage.PROSPECTING, stage, "alice", lastStageChange));
        }
        return new Deal(7, new Account("Globex", "MANUFACTURING"), "alice",
                List.of(new CreditSplit("alice", new BigDecimal("100"))), stage, stage.probability(), expectedClose, null,
                DealType.NEW, nextStep, businessCase, null, 3, history, null, Currency.getInstance("USD"),
                ForecastCategory.of(stage), null, closeDates, List.of());
    }

    static Deal healthy(DealStage stage) {
        return deal(stage, COMPLETE, "Demo on 2026-11-24", LocalDate.of(2026, 12, 15),
                Instant.parse("2026-11-10T10:00:00Z"), List.of());
    }

    static List<String> codes(Deal deal) {
        return FLAGS.of(deal).stream().map(DealFlag::code).toList();
    }

    @Test
    void aHealthyDealInNegotiationRaisesNoFlag() {
        assertThat(codes(healthy(DealStage.NEGOTIATION))).isEmpty();
    }

    @Test
    void noBusinessCaseFromNeedsAnalysisOnWithoutProblemOrRootCause() {
        BusinessCase noRootCause = new BusinessCase("Forecasts live in spreadsheets", " ", true, true, "Board review");
        Deal needsAnalysis = deal(DealStage.NEEDS_ANALYSIS, noRootCause, "Workshop", LocalDate.of(2026, 12, 15),
                Instant.parse("2026-11-10T10:00:00Z"), List.of());
        Deal qualified = deal(DealStage.QUALIFIED, noRootCause, "Workshop", LocalDate.of(2026, 12, 15),
                Instant.parse("2026-11-10T10:00:00Z"), List.of());

        assertThat(codes(needsAnalysis)).containsExactly("NO_BUSINESS_CASE");
        assertThat(FLAGS.of(needsAnalysis).get(0).message()).startsWith("Write down the customer's problem and its root cause");
        assertThat(codes(qualified)).isEmpty();
    }

    @Test
    void noDecisionMakerAndNoBudgetFromProposalOn() {
        BusinessCase neither = new BusinessCase("Forecasts live in spreadsheets", "No shared pipeline", false, null,
                "Board review");
        Deal proposal = deal(DealStage.PROPOSAL, neither, "Send proposal", LocalDate.of(2026, 12, 15),
                Instant.parse("2026-11-10T10:00:00Z"), List.of());
        Deal needsAnalysis = deal(DealStage.NEEDS_ANALYSIS, neither, "Workshop", LocalDate.of(2026, 12, 15),
                Instant.parse("2026-11-10T10:00:00Z"), List.of());

        assertThat(codes(proposal)).containsExactly("NO_DECISION_MAKER", "NO_BUDGET");
        assertThat(codes(needsAnalysis)).isEmpty();
    }

    @Test
    void noCompellingEventOnlyInNegotiation() {
        BusinessCase noEvent = new BusinessCase("Forecasts live in spreadsheets", "No shared pipeline", true, true, null);
        Deal negotiation = deal(DealStage.NEGOTIATION, noEvent, "Redlines", LocalDate.of(2026, 12, 15),
                Instant.parse("2026-11-10T10:00:00Z"), List.of());
        Deal proposal = deal(DealStage.PROPOSAL, noEvent, "Redlines", LocalDate.of(2026, 12, 15),
                Instant.parse("2026-11-10T10:00:00Z"), List.of());

        assertThat(codes(negotiation)).containsExactly("NO_COMPELLING_EVENT");
        assertThat(codes(proposal)).isEmpty();
    }

    @Test
    void closeDatePushedOnTheThirdMoveLaterNotOnMovesEarlier() {
        CloseDateChange first = new CloseDateChange(LocalDate.of(2026, 10, 31), LocalDate.of(2026, 11, 15), "alice",
                Instant.parse("2026-10-20T10:00:00Z"));
        CloseDateChange earlier = new CloseDateChange(LocalDate.of(2026, 11, 15), LocalDate.of(2026, 11, 10), "alice",
                Instant.parse("2026-10-25T10:00:00Z"));
        CloseDateChange second = new CloseDateChange(LocalDate.of(2026, 11, 10), LocalDate.of(2026, 11, 30), "alice",
                Instant.parse("2026-11-01T10:00:00Z"));
        CloseDateChange third = new CloseDateChange(LocalDate.of(2026, 11, 30), LocalDate.of(2026, 12, 15), "alice",
                Instant.parse("2026-11-18T10:00:00Z"));
        Deal twice = deal(DealStage.NEGOTIATION, COMPLETE, "Redlines", LocalDate.of(2026, 12, 15),
                Instant.parse("2026-11-10T10:00:00Z"), List.of(first, earlier, second));
        Deal threeTimes = deal(DealStage.NEGOTIATION, COMPLETE, "Redlines", LocalDate.of(2026, 12, 15),
                Instant.parse("2026-11-10T10:00:00Z"), List.of(first, earlier, second, third));

        assertThat(codes(twice)).isEmpty();
        assertThat(FLAGS.of(threeTimes)).containsExactly(new DealFlag("CLOSE_DATE_PUSHED", "The close date moved later "
                + "3 times: ask the customer what really decides the date, and set one you can defend."));
    }

    @Test
    void closeDatePassedFromTheDayAfter() {
        Deal dueToday = deal(DealStage.NEGOTIATION, COMPLETE, "Signature", LocalDate.of(2026, 11, 20),
                Instant.parse("2026-11-10T10:00:00Z"), List.of());
        Deal dueYesterday = deal(DealStage.NEGOTIATION, COMPLETE, "Signature", LocalDate.of(2026, 11, 19),
                Instant.parse("2026-11-10T10:00:00Z"), List.of());

        assertThat(codes(dueToday)).isEmpty();
        assertThat(FLAGS.of(dueYesterday)).containsExactly(new DealFlag("CLOSE_DATE_PASSED", "The expected close date "
                + "2026-11-19 has passed: close the deal won or lost, or set the date it will really close."));
    }

    @Test
    void staleAfterThirtyDaysWithoutAStageChange() {
        Deal twentyNineDays = deal(DealStage.PROPOSAL, COMPLETE, "Call the CFO", LocalDate.of(2026, 12, 15),
                Instant.parse("2026-10-22T16:00:00Z"), List.of());
        Deal thirtyDays = deal(DealStage.PROPOSAL, COMPLETE, "Call the CFO", LocalDate.of(2026, 12, 15),
                Instant.parse("2026-10-21T08:00:00Z"), List.of());

        assertThat(codes(twentyNineDays)).isEmpty();
        assertThat(FLAGS.of(thirtyDays)).containsExactly(new DealFlag("STALE", "No stage change for 30 days: move the "
                + "deal forward, or close it lost if it is not going anywhere."));
        assertThat(new DealFlags(Clock.fixed(Instant.parse("2026-11-20T09:00:00Z"), ZoneOffset.UTC), 45)
                .of(thirtyDays)).isEmpty();
    }

    @Test
    void noNextStepWhenBlank() {
        Deal blank = deal(DealStage.PROSPECTING, BusinessCase.empty(), "  ", LocalDate.of(2026, 12, 15),
                Instant.parse("2026-11-10T10:00:00Z"), List.of());
        Deal fresh = deal(DealStage.PROSPECTING, BusinessCase.empty(), null, LocalDate.of(2026, 12, 15),
                Instant.parse("2026-11-10T10:00:00Z"), List.of());

        // PROSPECTING: created on 2026-09-01 and never moved, so it is stale as well
        assertThat(codes(blank)).containsExactly("STALE", "NO_NEXT_STEP");
        assertThat(FLAGS.of(fresh).get(1).message()).isEqualTo("Write down the next step with the customer and when it happens.");
    }

    @Test
    void aClosedDealRaisesNoFlag() {
        Deal lost = deal(DealStage.CLOSED_LOST, BusinessCase.empty(), null, LocalDate.of(2026, 10, 1),
                Instant.parse("2026-10-01T10:00:00Z"), List.of());

        assertThat(codes(lost)).isEmpty();
    }
}
