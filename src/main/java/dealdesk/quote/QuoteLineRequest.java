package dealdesk.quote;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

/**
 * One asked-for line: a sku, a quantity in the product's unit, and the rep's
 * discount: {@code discountPercent} (0-100), or {@code discountAmount} off each
 * unit in the quote's currency (not both; checked against the price list by
 * {@link QuotePricer}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QuoteLineRequest(
        @NotNull(message = "a sku is required")
        String sku,
        @NotNull(message = "a quantity is required")
        @DecimalMin(value = "0", inclusive = false, message = "the quantity must be more than 0")
        @DecimalMax(value = "1000000000", inclusive = false, message = "the quantity must be below 1,000,000,000")
        @Digits(integer = 10, fraction = 4, message = "at most 4 decimals")
        BigDecimal quantity,
        @DecimalMin(value = "0", message = "a discount from 0 to 100 percent is required")
        @DecimalMax(value = "100", message = "a discount from 0 to 100 percent is required")
        @Digits(integer = 3, fraction = 4, message = "a discount from 0 to 100 percent is required")
        BigDecimal discountPercent,
        BigDecimal discountAmount) {

    public QuoteLineRequest(String sku, BigDecimal quantity, BigDecimal discountPercent) {
        this(sku, quantity, discountPercent, null);
    }
}
