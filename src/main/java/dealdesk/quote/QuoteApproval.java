package dealdesk.quote;

import dealdesk.pricing.ApprovalLevel;
import dealdesk.pricing.ApprovalMetric;
import dealdesk.pricing.ApprovalRequirement;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An approval a version of a quote asked for, and its decision: {@code level}
 * must approve because {@code metric} is {@code actual}, above {@code threshold}
 * ({@code reason} says it in words). {@code carriedFrom} is the earlier version
 * whose approval of the same level, metric and threshold, for a figure at
 * least as high, was carried over instead of asked again.
 */
public record QuoteApproval(long id, int version, ApprovalLevel level, ApprovalMetric metric, BigDecimal threshold,
                            BigDecimal actual, String reason, ApprovalStatus status, String decidedBy,
                            Instant decidedAt, String comment, Integer carriedFrom) {

    /** Whether this approval, if granted, also answers {@code requirement}. */
    public boolean covers(ApprovalRequirement requirement) {
        return status == ApprovalStatus.APPROVED && requirement.coveredBy(level, metric, threshold, actual);
    }
}
