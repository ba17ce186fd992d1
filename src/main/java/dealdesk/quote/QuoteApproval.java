package dealdesk.quote;

import dealdesk.pricing.ApprovalLevel;
import java.time.Instant;

/**
 * An approval a version of a quote asked for, and its decision.
 * {@code carriedFrom} is the earlier version whose identical approval (same
 * level and reason) was carried over instead of asked again.
 */
public record QuoteApproval(long id, int version, ApprovalLevel level, String reason, ApprovalStatus status,
                            String decidedBy, Instant decidedAt, String comment, Integer carriedFrom) {
}
