package dealdesk.pipeline;

import dealdesk.commission.PlanLookup;
import dealdesk.commission.plan.Plan;
import dealdesk.deal.Deal;
import dealdesk.deal.DealFlag;
import dealdesk.deal.DealAdvisor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** What deals get from the pipeline feature: the owner's plan currency as default, and flags. */
final class PipelineDeals implements DealAdvisor {
    private final PlanLookup plans;
    private final Clock clock;
    private final Currency fallback;
    private final DealFlags flags;

    PipelineDeals(PlanLookup plans, Clock clock, Currency fallback, DealFlags flags) {
        this.plans = plans;
        this.clock = clock;
        this.fallback = fallback;
        this.flags = flags;
    }

    @Override
    public Currency defaultCurrency(String owner) {
        return plans.on(owner, LocalDate.now(clock)).map(Plan::currency).orElse(fallback);
    }

    @Override
    public List<DealFlag> flags(Deal deal) {
        return flags.of(deal);
    }
}
