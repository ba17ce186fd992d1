package dealdesk.pricing;

import java.math.BigDecimal;

/** The priced quote's figures the approval rules look at, inserted after the pricing stages. */
public record QuoteSummary(BigDecimal maxLineDiscountPercent, String maxDiscountSku,
                           BigDecimal totalDiscountPercent, BigDecimal tcv) {
}
