package dealdesk.catalog;

import dealdesk.common.constraints.InRange;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** An option of a bundle: which sku, how many at least and at most, required or not, and the default. */
public record BundleOption(
        @NotNull(message = "an optionSku is required")
        @Size(max = 64, message = "at most 64 characters")
        String optionSku,
        @InRange(max = InRange.TRILLION, belowMin = "must be 0 or more")
        BigDecimal minQuantity,
        @InRange(max = InRange.TRILLION, belowMin = "must be 0 or more")
        BigDecimal maxQuantity,
        boolean required,
        @InRange(max = InRange.TRILLION, belowMin = "must lie between minQuantity and maxQuantity")
        BigDecimal defaultQuantity) {
}
