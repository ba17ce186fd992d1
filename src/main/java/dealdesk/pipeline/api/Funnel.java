package dealdesk.pipeline.api;

import dealdesk.common.Money;
import dealdesk.deal.DealStage;
import java.math.BigDecimal;
import java.util.List;

/**
 * {@code GET /api/v1/pipeline/funnel}: per stage, how many deals entered it
 * during the period (a deal that skipped a stage passed it), the share of
 * them that reached the next stage, the plan, and the deals' amount.
 */
public record Funnel(String period, String username, String team, String currency, List<Stage> stages) {

    /** {@code conversionToNext} is null for the last stage and when none reached this one; {@code plan} null when none is set. */
    public record Stage(DealStage stage, int reached, BigDecimal conversionToNext, Integer plan, Money amount) {
    }
}
