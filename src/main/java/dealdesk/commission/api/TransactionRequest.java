package dealdesk.commission.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * One booking as POST /api/v1/transactions takes it (JSON, or a CSV row with
 * splits written alice:70;bob:30). acv and tcv are optional; without them the
 * amount is the credit basis whatever the plan says.
 */
public record TransactionRequest(
        String id,
        String dealId,
        String closeDate,
        String sku,
        String family,
        BigDecimal units,
        BigDecimal amount,
        String currency,
        String industry,
        String dealType,
        List<SplitRequest> splits,
        BigDecimal acv,
        BigDecimal tcv) {

    public record SplitRequest(String username, BigDecimal percent) {
    }
}
