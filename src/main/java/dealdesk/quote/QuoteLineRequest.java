package dealdesk.quote;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * One asked-for line: a sku, a quantity in the product's unit, and the rep's
 * discount: {@code discountPercent} (0-100), or {@code discountAmount} off each
 * unit in the quote's currency (not both).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuoteLineRequest(String sku, BigDecimal quantity, BigDecimal discountPercent, BigDecimal discountAmount) {

    public QuoteLineRequest(String sku, BigDecimal quantity, BigDecimal discountPercent) {
        this(sku, quantity, discountPercent, null);
    }
}
