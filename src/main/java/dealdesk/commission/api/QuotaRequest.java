package dealdesk.commission.api;

import java.math.BigDecimal;

/** PUT /api/v1/quotas/{username}/{period}. */
public record QuotaRequest(BigDecimal amount) {
}
