package dealdesk.pricing;

import dealdesk.common.Money;
import java.math.BigDecimal;

/**
 * One step of a line's waterfall: the unit price went from {@code before} to
 * {@code after} because {@code rule} of {@code stage} applied. {@code value} is
 * the percent (10 = 10%), the amount off per unit, or the new unit price.
 */
public record Adjustment(Stage stage, String rule, AdjustmentKind kind, BigDecimal value, Money before, Money after) {

    /** The change of the unit price, negative for a discount; the steps of a line sum to net - list. */
    public Money delta() {
        return after.minus(before);
    }
}
