package dealdesk.pricing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.kie.api.definition.type.Modifies;

/**
 * The fact each quote line becomes in the pricing session: what was asked
 * (sku, quantity, requested discount), its list price, and the running unit
 * price that each stage's rules move. Every move is recorded as an
 * {@link Adjustment}, so list price plus the adjustments' deltas is the net
 * price, exactly.
 *
 * <p>Unit prices keep {@value #UNIT_SCALE} decimals (HALF_UP); line totals are
 * rounded to the currency with {@code Money.round}.
 */
public final class PricedLine {
    public static final int UNIT_SCALE = 4;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final int index;
    private final String sku;
    private final String family;
    private final ChargeType chargeType;
    private final BigDecimal quantity;
    private final BigDecimal listPrice;
    private final BigDecimal requestedDiscount;
    private final List<Adjustment> adjustments = new ArrayList<>(4);
    private BigDecimal price;

    public PricedLine(int index, String sku, String family, ChargeType chargeType, BigDecimal quantity,
                      BigDecimal listPrice, BigDecimal requestedDiscount) {
        this.index = index;
        this.sku = sku;
        this.family = family;
        this.chargeType = chargeType;
        this.quantity = quantity;
        this.listPrice = listPrice.setScale(UNIT_SCALE, RoundingMode.HALF_UP);
        this.requestedDiscount = requestedDiscount == null ? BigDecimal.ZERO : requestedDiscount;
        this.price = this.listPrice;
    }

    /** Takes {@code percent} (10 = 10%) off the running price; a zero percent records nothing. */
    @Modifies({"price"})
    public void applyPercent(Stage stage, String rule, BigDecimal percent) {
        if (percent.signum() == 0) {
            return;
        }
        BigDecimal factor = BigDecimal.ONE.subtract(percent.divide(HUNDRED));
        move(stage, rule, AdjustmentKind.PERCENT, percent, price.multiply(factor));
    }

    /** Takes an amount per unit off the running price, never below zero. */
    @Modifies({"price"})
    public void applyAmount(Stage stage, String rule, BigDecimal amountPerUnit) {
        move(stage, rule, AdjustmentKind.AMOUNT, amountPerUnit, price.subtract(amountPerUnit).max(BigDecimal.ZERO));
    }

    /** Replaces the running price. */
    @Modifies({"price"})
    public void override(Stage stage, String rule, BigDecimal newPrice) {
        move(stage, rule, AdjustmentKind.OVERRIDE, newPrice, newPrice);
    }

    private void move(Stage stage, String rule, AdjustmentKind kind, BigDecimal value, BigDecimal after) {
        BigDecimal rounded = after.setScale(UNIT_SCALE, RoundingMode.HALF_UP);
        // A blended slab percent is exact to 34 digits in the arithmetic; six decimals tell the story.
        BigDecimal shown = (value.scale() > 6 ? value.setScale(6, RoundingMode.HALF_UP) : value).stripTrailingZeros();
        adjustments.add(new Adjustment(stage, rule, kind, shown.scale() < 0 ? shown.setScale(0) : shown, price, rounded));
        price = rounded;
    }

    /** The floor for a percent of list price, at unit scale. */
    public BigDecimal floorFor(BigDecimal percentOfList) {
        return listPrice.multiply(percentOfList).divide(HUNDRED).setScale(UNIT_SCALE, RoundingMode.HALF_UP);
    }

    /** Whether the running price is below {@code percentOfList} percent of the list price. */
    public boolean isBelow(BigDecimal percentOfList) {
        return price.compareTo(floorFor(percentOfList)) < 0;
    }

    /** The running price as a percent of the list price (100 when the list price is zero). */
    public BigDecimal getPercentOfList() {
        if (listPrice.signum() == 0) {
            return HUNDRED;
        }
        return price.multiply(HUNDRED).divide(listPrice, dealdesk.common.Money.DIVISION);
    }

    public boolean isRecurring() {
        return chargeType == ChargeType.RECURRING;
    }

    public boolean hasRequestedDiscount() {
        return requestedDiscount.signum() > 0;
    }

    /** Percent off list of the running price (0 when the list price is zero). */
    public BigDecimal discountPercent() {
        if (listPrice.signum() == 0) {
            return BigDecimal.ZERO;
        }
        return listPrice.subtract(price).multiply(HUNDRED).divide(listPrice, 2, RoundingMode.HALF_UP);
    }

    public int getIndex() { return index; }
    public String getSku() { return sku; }
    public String getFamily() { return family; }
    public ChargeType getChargeType() { return chargeType; }
    public BigDecimal getQuantity() { return quantity; }
    public BigDecimal getListPrice() { return listPrice; }
    public BigDecimal getRequestedDiscount() { return requestedDiscount; }
    public BigDecimal getPrice() { return price; }
    public List<Adjustment> getAdjustments() { return Collections.unmodifiableList(adjustments); }

    @Override
    public String toString() {
        return "line " + index + " " + sku + " x" + quantity + " @" + price;
    }
}
