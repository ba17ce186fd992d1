package dealdesk.pricing;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;

/**
 * A tier of a volume schedule, for units up to {@code upTo} (inclusive; null =
 * no limit). One of three kinds, one kind per schedule: {@code percent} off
 * the running price; {@code unitPrice} per unit (per month for subscriptions)
 * with an optional {@code flatFee}; or {@code blockPrice} for the whole
 * quantity (mode BLOCK). Prices are in the schedule's currency.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VolumeTier(BigDecimal upTo, BigDecimal percent, BigDecimal unitPrice, BigDecimal flatFee,
                         BigDecimal blockPrice) {

    /** What a tier gives. */
    public enum Kind { PERCENT, UNIT_PRICE, BLOCK_PRICE, NONE }

    /** A percent tier, as schedules have always had. */
    public VolumeTier(BigDecimal upTo, BigDecimal percent) {
        this(upTo, percent, null, null, null);
    }

    public static VolumeTier unitPrice(BigDecimal upTo, BigDecimal unitPrice, BigDecimal flatFee) {
        return new VolumeTier(upTo, null, unitPrice, flatFee, null);
    }

    public static VolumeTier block(BigDecimal upTo, BigDecimal blockPrice) {
        return new VolumeTier(upTo, null, null, null, blockPrice);
    }

    /** The kind this tier is, or NONE when it sets no price, or more than one kind. */
    @JsonIgnore
    public Kind kind() {
        int set = (percent != null ? 1 : 0) + (unitPrice != null || flatFee != null ? 1 : 0) + (blockPrice != null ? 1 : 0);
        if (set != 1) {
            return Kind.NONE;
        }
        return percent != null ? Kind.PERCENT : blockPrice != null ? Kind.BLOCK_PRICE : Kind.UNIT_PRICE;
    }

    BigDecimal fee() {
        return flatFee == null ? BigDecimal.ZERO : flatFee;
    }

    BigDecimal price() {
        return unitPrice == null ? BigDecimal.ZERO : unitPrice;
    }

    boolean holds(BigDecimal quantity) {
        return upTo == null || quantity.compareTo(upTo) <= 0;
    }
}
