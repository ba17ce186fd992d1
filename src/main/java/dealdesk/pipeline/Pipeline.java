package dealdesk.pipeline;

import dealdesk.auth.UserService;
import dealdesk.commission.CommissionServices;
import dealdesk.commission.ExchangeRates;
import dealdesk.deal.DealService;
import dealdesk.quote.QuoteService;
import java.time.Clock;
import org.jdbi.v3.core.Jdbi;

/**
 * The pipeline feature assembled: the coverage and funnel services behind one
 * resource. (Deals get their default currency and flags from
 * {@link PipelineFactory#buildAdvisor}, wired into the deal service.)
 */
public final class Pipeline {
    private final PipelineService pipeline;
    private final FunnelService funnel;

    public Pipeline(PipelineFactory config, Jdbi jdbi, Clock clock, UserService users, DealService deals,
                    QuoteService quotes, CommissionServices commission, ExchangeRates rates) {
        DealValues values = new DealValues(quotes, rates);
        ScopeResolver scopes = new ScopeResolver(users, commission.planLookup(), clock, config.defaultCurrency());
        this.pipeline = new PipelineService(jdbi, deals, commission.statements(), values, scopes);
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
