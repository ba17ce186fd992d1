package dealdesk.pricing;

import dealdesk.common.Money;
import java.math.BigDecimal;

/**
 * A unit price for customers of a segment (e.g. EDUCATION) or a partner tier
 * (segment PARTNER) in one currency; it applies when it is below the running price.
 */
public record SegmentPrice(String segment, String sku, String currency, BigDecimal price) {

    /** The price as money, per unit. */
    public Money unitPrice() {
        return Money.of(price, Money.currency(currency));
    }
}
