package dealdesk.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A list price for a sku in a currency, effective from a date to an inclusive end date (or open). */
public record PriceBookEntry(String priceBook, String sku, String currency, BigDecimal listPrice,
                             LocalDate effectiveFrom, LocalDate effectiveTo) {

    public boolean effectiveOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }
}
