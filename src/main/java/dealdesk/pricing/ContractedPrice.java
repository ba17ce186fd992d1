package dealdesk.pricing;

import dealdesk.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A negotiated unit price for one account (the customer name) and sku, valid from/to (inclusive; to may be null). */
public record ContractedPrice(String account, String sku, String currency, BigDecimal price,
                              LocalDate validFrom, LocalDate validTo) {

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validTo == null || !day.isAfter(validTo));
    }

    /** The price as money, per unit. */
    public Money unitPrice() {
        return Money.of(price, Money.currency(currency));
    }
}
