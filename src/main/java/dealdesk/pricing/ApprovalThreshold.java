package dealdesk.pricing;

import java.math.BigDecimal;

/** When {@code metric} is above {@code above}, the quote needs {@code level}'s approval. */
public record ApprovalThreshold(ApprovalLevel level, ApprovalMetric metric, BigDecimal above) {
}
