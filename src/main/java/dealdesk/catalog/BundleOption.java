package dealdesk.catalog;

import java.math.BigDecimal;

/** An option of a bundle: which sku, how many at least and at most, required or not, and the default. */
public record BundleOption(String optionSku, BigDecimal minQuantity, BigDecimal maxQuantity, boolean required,
                           BigDecimal defaultQuantity) {
}
