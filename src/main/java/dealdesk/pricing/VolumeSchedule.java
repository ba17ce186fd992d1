package dealdesk.pricing;

import dealdesk.common.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * A volume discount for one sku or one family (exactly one is set). With
 * {@code pooled}, a family schedule counts the quantity of all the quote's
 * lines of that family, so ten lines of five seats price like fifty seats.
 * Tiers are ordered by {@code upTo}; the last may be unbounded.
 */
public record VolumeSchedule(String name, String sku, String family, VolumeMode mode, boolean pooled,
                             List<VolumeTier> tiers) {

    public VolumeSchedule {
        tiers = tiers == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(tiers));
    }

    /**
     * The percent off for a quantity: for RANGE the band reached, for SLAB the
     * quantity-weighted percent of the bands the units fill.
     */
    public BigDecimal percentFor(BigDecimal quantity) {
        if (quantity.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        if (mode == VolumeMode.RANGE) {
            for (VolumeTier tier : tiers) {
                if (tier.upTo() == null || quantity.compareTo(tier.upTo()) <= 0) {
                    return tier.percent();
                }
            }
            return tiers.isEmpty() ? BigDecimal.ZERO : tiers.get(tiers.size() - 1).percent();
        }
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal lower = BigDecimal.ZERO;
        for (VolumeTier tier : tiers) {
            BigDecimal upper = tier.upTo() == null ? quantity : tier.upTo().min(quantity);
            if (upper.compareTo(lower) > 0) {
                weighted = weighted.add(upper.subtract(lower).multiply(tier.percent()));
                lower = upper;
            }
            if (lower.compareTo(quantity) >= 0) {
                break;
            }
        }
        return weighted.divide(quantity, Money.DIVISION);
    }
}
