package dealdesk.commission;

import dealdesk.common.Validation;
import java.math.BigDecimal;

/**
 * The business range of commission inputs: anything outside is a typo or an
 * attack, refused with a 422 before it costs work (a BigDecimal like 1e100000
 * makes every multiplication slow) or reaches a column.
 */
public final class Bounds {
    /** No amount in dealdesk reaches a trillion. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");
    /** No booking or estimate line has a billion units. */
    public static final BigDecimal MAX_UNITS = new BigDecimal("1000000000");
    /** Amounts and units carry at most this many decimals (three for dinars, more for unit prices). */
    public static final int MAX_SCALE = 6;

    private Bounds() {
    }

    /** An amount from 0 to below a trillion, with at most six decimals; adds the problem at {@code path}. */
    public static boolean amount(BigDecimal value, String path, Validation validation) {
        return within(value, MAX_AMOUNT, "1,000,000,000,000", path, validation);
    }

    /** Units from 0 to below a billion, with at most six decimals. */
    public static boolean units(BigDecimal value, String path, Validation validation) {
        return within(value, MAX_UNITS, "1,000,000,000", path, validation);
    }

    private static boolean within(BigDecimal value, BigDecimal max, String maxText, String path,
                                  Validation validation) {
        if (value == null) {
            return true;
        }
        if (value.signum() < 0) {
            validation.add(path, "must not be negative");
            return false;
        }
        if (value.compareTo(max) >= 0) {
            validation.add(path, "must be below " + maxText);
            return false;
        }
        if (value.stripTrailingZeros().scale() > MAX_SCALE) {
            validation.add(path, "at most " + MAX_SCALE + " decimal places");
            return false;
        }
        return true;
    }
}
