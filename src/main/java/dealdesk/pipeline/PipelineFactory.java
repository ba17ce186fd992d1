package dealdesk.pipeline;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Currency;

/** config.yml {@code pipeline:}: the currency of deals whose owner has no plan, and when a deal is stale. */
public class PipelineFactory {
    @NotNull
    @Pattern(regexp = "[A-Z]{3}")
    @JsonProperty
    private String defaultCurrency = "USD";

    /** A deal whose stage has not changed for this many days is flagged STALE. */
    @Min(1)
    @Max(365)
    @JsonProperty
    private int staleDays = 30;

    public Currency defaultCurrency() {
        return Currency.getInstance(defaultCurrency);
    }

    public int staleDays() {
        return staleDays;
    }

    /** What deals get from the pipeline: the owner's plan currency by default, and flags by the injected clock. */
    public dealdesk.deal.DealAdvisor buildAdvisor(dealdesk.commission.PlanLookup plans, java.time.Clock clock) {
        return new PipelineDeals(plans, clock, defaultCurrency(), new DealFlags(clock, staleDays));
    }
}
