package dealdesk.pipeline;

import dealdesk.auth.UserService;
import dealdesk.commission.CommissionService;
import dealdesk.commission.InsightService;
import dealdesk.deal.DealService;
import dealdesk.quote.QuoteService;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The pipeline feature assembled: deals get default currencies and flags,
 * and the coverage and funnel services answer the resource.
 */
public final class Pipeline {
    private final PipelineService pipeline;
    private final FunnelService funnel;

    public Pipeline(PipelineFactory config, Jdbi jdbi, Clock clock, UserService users, DealService deals,
                    QuoteService quotes, CommissionService commission, InsightService insights) {
        deals.usePipeline(new PipelineDeals(insights, clock, config.defaultCurrency(),
                new DealFlags(clock, config.staleDays())));
        DealValues values = new DealValues(quotes);
        ScopeResolver scopes = new ScopeResolver(users, insights, clock, config.defaultCurrency());
        this.pipeline = new PipelineService(jdbi, deals, commission, values, scopes);
        this.funnel = new FunnelService(jdbi, users, pipeline, values, scopes, clock);
    }

    public PipelineService pipeline() {
        return pipeline;
    }

    public FunnelService funnel() {
        return funnel;
    }

    public PipelineResource resource() {
        return new PipelineResource(pipeline, funnel);
    }
}
