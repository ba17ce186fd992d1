package dealdesk.pricing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;

/**
 * A volume schedule for one sku or one family (exactly one is set). With
 * {@code pooled}, a family schedule counts the quantity of all the quote's
 * lines of that family, so ten lines of five seats price like fifty seats.
 * Tiers are ordered by {@code upTo}; the last may be unbounded. A schedule
 * whose tiers carry prices (unit prices, flat fees, block prices) has a
 * {@code currency} and applies only to quotes in it; a percent schedule has
 * none and applies to every currency.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VolumeSchedule(String name, String sku, String family, VolumeMode mode, Boolean pooled,
                             String currency, List<VolumeTier> tiers) {

    public VolumeSchedule {
        pooled = pooled != null && pooled; // optional in JSON: not pooled
        tiers = tiers == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(tiers));
    }

    /** A percent schedule (no currency). */
    public VolumeSchedule(String name, String sku, String family, VolumeMode mode, boolean pooled,
                          List<VolumeTier> tiers) {
        this(name, sku, family, mode, pooled, null, tiers);
    }

    /** Whether the tiers are prices (unit, flat fee or block) rather than percents off. */
    @JsonIgnore
    public boolean isPriceTable() {
        return !tiers.isEmpty() && tiers.get(0).kind() != VolumeTier.Kind.PERCENT;
    }

    /** Whether the schedule can price a quote in {@code quoteCurrency}. */
    public boolean appliesIn(String quoteCurrency) {
        return currency == null ? !isPriceTable() : currency.equals(quoteCurrency);
    }

    /**
     * The percent off for a quantity: for RANGE the band reached, for SLAB the
     * quantity-weighted percent of the bands the units fill.
     */
    public BigDecimal percentFor(BigDecimal quantity) {
        if (quantity.signum() <= 0 || tiers.isEmpty()) {
            return BigDecimal.ZERO;
        }
        if (mode != VolumeMode.SLAB) {
            return reached(quantity).percent();
        }
        BigDecimal weighted = BigDecimal.ZERO;
        BigDecimal lower = BigDecimal.ZERO;
        for (VolumeTier tier : tiers) {
            BigDecimal upper = last(tier) ? quantity : tier.upTo().min(quantity);
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

    /**
     * What {@code quantity} units cost by this price table, exact (not rounded):
     * SLAB sums each tier's units at its unit price plus the flat fee of every
     * tier entered; RANGE prices every unit at the tier reached plus its flat
     * fee; BLOCK is the block price of the tier reached. Past a bounded last
     * tier, the last tier goes on (its unit price, its block price).
     */
    public Money amountFor(BigDecimal quantity, Currency quoteCurrency) {
        if (quantity.signum() <= 0) {
            return Money.zero(quoteCurrency);
        }
        BigDecimal amount = switch (mode) {
            case RANGE -> {
                VolumeTier tier = reached(quantity);
                yield quantity.multiply(tier.price()).add(tier.fee());
            }
            case BLOCK -> reached(quantity).blockPrice();
            case SLAB -> graduated(quantity);
        };
        return Money.of(amount, quoteCurrency);
    }

    private BigDecimal graduated(BigDecimal quantity) {
        BigDecimal amount = BigDecimal.ZERO;
        BigDecimal lower = BigDecimal.ZERO;
        for (VolumeTier tier : tiers) {
            BigDecimal upper = last(tier) ? quantity : tier.upTo().min(quantity);
            if (upper.compareTo(lower) > 0) {
                amount = amount.add(upper.subtract(lower).multiply(tier.price())).add(tier.fee());
                lower = upper;
            }
            if (lower.compareTo(quantity) >= 0) {
                break;
            }
        }
        return amount;
    }

    /** The tier a quantity falls in; past a bounded last tier, the last tier. */
    private VolumeTier reached(BigDecimal quantity) {
        for (VolumeTier tier : tiers) {
            if (tier.holds(quantity)) {
                return tier;
            }
        }
        return tiers.get(tiers.size() - 1);
    }

    private boolean last(VolumeTier tier) {
        return tier.upTo() == null || tier == tiers.get(tiers.size() - 1);
    }
}
