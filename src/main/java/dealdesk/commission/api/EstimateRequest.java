package dealdesk.commission.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * POST /api/v1/estimates: hypothetical lines closing on closeDate, credited 100% to username;
 * or, with {@code dealId} (like deal-12) instead of lines, an open deal's primary quote with the
 * deal's splits, closing on closeDate or else its expected close date.
 */
public record EstimateRequest(String username, String closeDate, List<EstimateLine> lines, String dealId) {

    public record EstimateLine(String sku, String family, BigDecimal units, BigDecimal amount, String industry,
                               String dealType, BigDecimal acv, BigDecimal tcv) {
    }
}
