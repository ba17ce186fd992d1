package dealdesk.pricing;

import java.math.BigDecimal;

/**
 * An approval the quote needs, inserted by the approval rules: {@code level}
 * must approve because the quote's {@code metric} is {@code actual}, above
 * the {@code threshold}. {@code reason} says the same in words for people.
 */
public record ApprovalRequirement(ApprovalLevel level, ApprovalMetric metric, BigDecimal threshold, BigDecimal actual,
                                  String reason) {

    /**
     * Whether an approval already given by {@code level} for {@code approvedActual} of the same metric and
     * threshold also covers this requirement: every metric is "more is riskier", so an approver who accepted
     * a figure accepted any figure up to it (a new version asks again only when the figure grew).
     */
    public boolean coveredBy(ApprovalLevel approvedLevel, ApprovalMetric approvedMetric, BigDecimal approvedThreshold,
                             BigDecimal approvedActual) {
        return level == approvedLevel && metric == approvedMetric
                && approvedThreshold != null && threshold.compareTo(approvedThreshold) == 0
                && approvedActual != null && actual.compareTo(approvedActual) <= 0;
    }
}
