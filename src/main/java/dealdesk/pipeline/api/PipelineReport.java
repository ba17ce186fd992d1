package dealdesk.pipeline.api;

import dealdesk.common.Money;
import dealdesk.deal.DealFlag;
import dealdesk.deal.DealStage;
import dealdesk.deal.ForecastCategory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/pipeline}: quota, what is closed, the gap, the open
 * deals expected to close in the period (amount, weighted by stage
 * probability, by stage and by forecast category), coverage of the gap, and
 * how many new deals still have to be created at the historical average won
 * amount and win rate. Amounts are the user's (or team's) share by credit
 * split, in {@code currency}; fractions have four decimals; a figure that
 * cannot be computed (no quota, no history) is null.
 */
public record PipelineReport(String period, String username, String team, String currency, Money quota,
                             Money closedWon, Money gap, Open open, BigDecimal coverage, BigDecimal weightedCoverage,
                             List<StageFigures> byStage, List<CategoryFigures> byForecastCategory,
                             Money averageWonAmount, BigDecimal winRate, Integer dealsNeeded, Forecast forecast,
                             History history, List<OpenDeal> deals) {

    public record Open(int count, Money amount, Money weighted) {
    }

    public record StageFigures(DealStage stage, int probability, int count, Money amount, Money weighted) {
    }

    public record CategoryFigures(ForecastCategory category, int count, Money amount, Money weighted) {
    }

    /**
     * How the gap closes: {@code fromPipeline} is the weighted open amount,
     * {@code toBuild} what is left to win from deals not yet created (dealsNeeded counts those).
     */
    public record Forecast(Money fromPipeline, Money toBuild) {
    }

    /**
     * The closed deals the averages come from: closed in the year up to the
     * period's end; a cancelled deal counts as lost. {@code otherCurrency}
     * counts deals left out of every amount: in another currency with no exchange rate from finance
     * (with one, a deal counts converted at the rate for its close date).
     */
    public record History(LocalDate from, LocalDate to, int won, int lost, int otherCurrency) {
    }

    /** An open deal of the period with the user's share and what needs attention. */
    public record OpenDeal(long id, String account, String owner, DealStage stage, ForecastCategory forecastCategory,
                           LocalDate expectedCloseDate, Money amount, Money weighted, List<DealFlag> flags) {
    }
}
