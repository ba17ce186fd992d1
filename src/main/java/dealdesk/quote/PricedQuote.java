package dealdesk.quote;

import dealdesk.pricing.ApprovalRequirement;
import dealdesk.pricing.Totals;
import java.util.List;

/**
 * A priced quote, the answer of preview and part of every saved quote:
 * the lines with their waterfalls, totals in {@code currency}, the approvals
 * the discounts need, and the errors that block submitting. {@code estimate}
 * is what the owner would earn, from the {@link QuoteEstimator} (null when
 * no estimator is wired or it has nothing to say).
 */
public record PricedQuote(String currency, List<PricedQuoteLine> lines, Totals totals,
                          List<ApprovalRequirement> approvals, List<QuoteError> errors, QuoteEstimate estimate) {

    public boolean valid() {
        return errors.isEmpty();
    }

    public PricedQuote withEstimate(QuoteEstimate newEstimate) {
        return new PricedQuote(currency, lines, totals, approvals, errors, newEstimate);
    }
}
