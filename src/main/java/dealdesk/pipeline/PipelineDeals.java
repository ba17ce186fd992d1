package dealdesk.pipeline;

import dealdesk.commission.InsightService;
import dealdesk.commission.plan.Plan;
import dealdesk.deal.Deal;
import dealdesk.deal.DealFlag;
import dealdesk.deal.DealPipeline;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/** What deals get from the pipeline feature: the owner's plan currency as default, and flags. */
final class PipelineDeals implements DealPipeline {
    private final InsightService insights;
    private final Clock clock;
    private final Currency fallback;
    private final DealFlags flags;

    PipelineDeals(InsightService insights, Clock clock, Currency fallback, DealFlags flags) {
        this.insights = insights;
        this.clock = clock;
        this.fallback = fallback;
        this.flags = flags;
    }

    @Override
    public Currency defaultCurrency(String owner) {
        return insights.planOn(owner, LocalDate.now(clock)).map(Plan::currency).orElse(fallback);
    }

    @Override
    public List<DealFlag> flags(Deal deal) {
        return flags.of(deal);
    }
}
