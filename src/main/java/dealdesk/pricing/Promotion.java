package dealdesk.pricing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A dated percent off one sku or one family (exactly one is set), valid for
 * quotes starting between {@code validFrom} and {@code validTo} inclusive.
 * Promotions that match a line stack, each one its own waterfall step.
 */
public record Promotion(String code, String sku, String family, BigDecimal percent,
                        LocalDate validFrom, LocalDate validTo) {

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
