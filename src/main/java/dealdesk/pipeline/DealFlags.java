package dealdesk.pipeline;

import dealdesk.deal.BusinessCase;
import dealdesk.deal.CloseDateChange;
import dealdesk.deal.Deal;
import dealdesk.deal.DealFlag;
import dealdesk.deal.DealStage;
import dealdesk.deal.StageChange;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What needs attention on an open deal, from its business case and its
 * history, as of today by the injected clock. Closed deals raise no flags:
 * nothing is left to do on them. Messages are written for the rep.
 */
public final class DealFlags {
    /** The close date moved later this many times: the deal keeps slipping. */
    static final int PUSHES = 3;

    private final Clock clock;
    private final int staleDays;

    public DealFlags(Clock clock, int staleDays) {
        this.clock = clock;
        this.staleDays = staleDays;
    }

    public List<DealFlag> of(Deal deal) {
        if (!deal.stage().open()) {
            return List.of();
        }
        List<DealFlag> flags = new ArrayList<>();
        BusinessCase businessCase = deal.businessCase() == null ? BusinessCase.empty() : deal.businessCase();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (atLeast(deal, DealStage.NEEDS_ANALYSIS) && (blank(businessCase.problem()) || blank(businessCase.rootCause()))) {
            flags.add(new DealFlag("NO_BUSINESS_CASE", "Write down the customer's problem and its root cause: "
                    + "without them there is no business case to sell on."));
        }
        if (atLeast(deal, DealStage.PROPOSAL) && !Boolean.TRUE.equals(businessCase.decisionMakerEngaged())) {
            flags.add(new DealFlag("NO_DECISION_MAKER", "Meet the person who signs: a proposal without the decision "
                    + "maker engaged rarely closes."));
        }
        if (atLeast(deal, DealStage.PROPOSAL) && !Boolean.TRUE.equals(businessCase.budgetConfirmed())) {
            flags.add(new DealFlag("NO_BUDGET", "Confirm with the customer that the budget is there before the price "
                    + "is negotiated."));
        }
        if (deal.stage() == DealStage.NEGOTIATION && blank(businessCase.compellingEvent())) {
            flags.add(new DealFlag("NO_COMPELLING_EVENT", "Find out what makes the customer sign by the close date "
                    + "(a deadline, an event, a cost of waiting); without it, expect the date to slip."));
        }
        long pushes = deal.closeDateHistory() == null ? 0
                : deal.closeDateHistory().stream().filter(CloseDateChange::pushed).count();
        if (pushes >= PUSHES) {
            flags.add(new DealFlag("CLOSE_DATE_PUSHED", "The close date moved later " + pushes + " times: ask the "
                    + "customer what really decides the date, and set one you can defend."));
        }
        if (deal.expectedCloseDate() != null && deal.expectedCloseDate().isBefore(today)) {
            flags.add(new DealFlag("CLOSE_DATE_PASSED", "The expected close date " + deal.expectedCloseDate()
                    + " has passed: close the deal won or lost, or set the date it will really close."));
        }
        LocalDate lastMove = lastStageChange(deal);
        if (lastMove != null) {
            long idle = ChronoUnit.DAYS.between(lastMove, today);
            if (idle >= staleDays) {
                flags.add(new DealFlag("STALE", "No stage change for " + idle + " days: move the deal forward, "
                        + "or close it lost if it is not going anywhere."));
            }
        }
        if (blank(deal.nextStep())) {
            flags.add(new DealFlag("NO_NEXT_STEP", "Write down the next step with the customer and when it happens."));
        }
        return List.copyOf(flags);
    }

    private static boolean atLeast(Deal deal, DealStage stage) {
        return deal.stage().ordinal() >= stage.ordinal();
    }

    private static LocalDate lastStageChange(Deal deal) {
        if (deal.stageHistory() == null || deal.stageHistory().isEmpty()) {
            return null;
        }
        StageChange last = deal.stageHistory().get(deal.stageHistory().size() - 1);
        return LocalDate.ofInstant(last.changedAt(), ZoneOffset.UTC);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
