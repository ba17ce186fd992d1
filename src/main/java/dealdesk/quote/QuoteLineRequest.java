package dealdesk.quote;

import java.math.BigDecimal;

/** One asked-for line: a sku, a quantity in the product's unit, and the rep's discount in percent (0-100). */
public record QuoteLineRequest(String sku, BigDecimal quantity, BigDecimal discountPercent) {
}
