package dealdesk.pricing;

import dealdesk.common.Money;
import java.math.BigDecimal;

/**
 * The priced quote's figures the approval rules look at, inserted after the
 * pricing stages. {@code maxLineDiscountPercent}: the largest discount a rep
 * asked for on a line (an amount counts as the percent it took off), on sku
 * {@code maxDiscountSku}.
 */
public record QuoteSummary(BigDecimal maxLineDiscountPercent, String maxDiscountSku,
                           BigDecimal totalDiscountPercent, Money tcv) {
}
