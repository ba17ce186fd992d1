package dealdesk.pricing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A dated offer on one sku or one family (exactly one is set), valid for
 * quotes starting between {@code validFrom} and {@code validTo} inclusive:
 * {@code percent} off, or {@code amount} off per unit in {@code currency}
 * (then it applies only to quotes in that currency). Promotions that match a
 * line stack, each one its own waterfall step.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Promotion(String code, String sku, String family, BigDecimal percent, BigDecimal amount,
                        String currency, LocalDate validFrom, LocalDate validTo) {

    /** A percent promotion. */
    public Promotion(String code, String sku, String family, BigDecimal percent, LocalDate validFrom, LocalDate validTo) {
        this(code, sku, family, percent, null, null, validFrom, validTo);
    }

    public boolean isValidOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** Whether it can apply to a quote in {@code quoteCurrency}: a percent anywhere, an amount in its currency. */
    public boolean appliesIn(String quoteCurrency) {
        return amount == null || quoteCurrency.equals(currency);
    }
}
