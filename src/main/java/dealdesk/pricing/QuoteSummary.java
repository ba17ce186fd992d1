package dealdesk.pricing;

import java.math.BigDecimal;

/** The priced quote's figures the approval rules look at, inserted after the pricing stages. */
/** {@code maxLineDiscountPercent}: the largest discount a rep asked for on a line, on sku {@code maxDiscountSku}. */
public record QuoteSummary(BigDecimal maxLineDiscountPercent, String maxDiscountSku,
                           BigDecimal totalDiscountPercent, BigDecimal tcv) {
}
