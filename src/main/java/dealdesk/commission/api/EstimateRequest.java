package dealdesk.commission.api;

import java.math.BigDecimal;
import java.util.List;

/** POST /api/v1/estimates: hypothetical lines closing on closeDate, credited 100% to username. */
public record EstimateRequest(String username, String closeDate, List<EstimateLine> lines) {

    public record EstimateLine(String sku, String family, BigDecimal units, BigDecimal amount, String industry,
                               String dealType, BigDecimal acv, BigDecimal tcv) {
    }
}
