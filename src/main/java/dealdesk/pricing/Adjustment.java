package dealdesk.pricing;

import java.math.BigDecimal;

/**
 * One step of a line's waterfall: the unit price went from {@code before} to
 * {@code after} because {@code rule} of {@code stage} applied. {@code value} is
 * the percent (10 = 10%), the amount off per unit, or the new price.
 */
public record Adjustment(Stage stage, String rule, AdjustmentKind kind, BigDecimal value,
                         BigDecimal before, BigDecimal after) {

    /** The change of the unit price, negative for a discount; the steps of a line sum to net - list. */
    public BigDecimal delta() {
        return after.subtract(before);
    }
}
