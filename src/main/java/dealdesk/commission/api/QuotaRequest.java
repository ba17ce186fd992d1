package dealdesk.commission.api;

import dealdesk.common.constraints.InRange;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/** PUT /api/v1/quotas/{username}/{period}: the quota in the plan's currency. */
public record QuotaRequest(
        @NotNull(message = "amount is required") @InRange(max = InRange.TRILLION) BigDecimal amount) {
}
