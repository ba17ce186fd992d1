package dealdesk.pricing;

import dealdesk.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.List;
import org.kie.api.definition.type.Modifies;

/**
 * The fact each quote line becomes in the pricing session: what was asked
 * (sku, quantity, requested discount), its list price, and the running line
 * amount that each stage's rules move. The amount is exact (a price table's
 * tiers and fees, then percents and amounts off); it is rounded to the
 * currency once, in the line's totals. Every move is recorded as an
 * {@link Adjustment} of the unit price (amount / quantity, to at most
 * {@value #UNIT_SCALE} decimals), so list price plus the adjustments' deltas
 * is the net price, exactly. Recurring amounts are per month.
 */
public final class PricedLine {
    public static final int UNIT_SCALE = 6;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final int index;
    private final String sku;
    private final String family;
    private final ChargeType chargeType;
    private final BigDecimal quantity;
    private final Money listPrice;
    private final RequestedDiscount requested;
    private final List<Adjustment> adjustments = new ArrayList<>(4);
    private Money amount;
    private BigDecimal requestedPercentEquivalent;

    public PricedLine(int index, String sku, String family, ChargeType chargeType, BigDecimal quantity,
                      Money listPrice, RequestedDiscount requested) {
        this.index = index;
        this.sku = sku;
        this.family = family;
        this.chargeType = chargeType;
        this.quantity = quantity;
        this.listPrice = listPrice;
        this.requested = requested == null ? RequestedDiscount.NONE : requested;
        this.amount = listPrice.times(quantity);
        this.requestedPercentEquivalent = this.requested.percent();
    }

    /** Takes {@code percent} (10 = 10%) off the running price; a zero percent records nothing. */
    @Modifies({"price", "priceAmount"})
    public void applyPercent(Stage stage, String rule, BigDecimal percent) {
        if (percent.signum() == 0) {
            return;
        }
        BigDecimal factor = BigDecimal.ONE.subtract(percent.divide(HUNDRED));
        move(stage, rule, AdjustmentKind.PERCENT, percent, amount.times(factor));
    }

    /** Takes an amount per unit off the running price, never below zero. */
    @Modifies({"price", "priceAmount"})
    public void applyAmount(Stage stage, String rule, Money amountPerUnit) {
        Money after = amount.minus(amountPerUnit.times(quantity));
        move(stage, rule, AdjustmentKind.AMOUNT, amountPerUnit.amount(), after.isNegative() ? Money.zero(currency()) : after);
    }

    /** Replaces the running unit price. */
    @Modifies({"price", "priceAmount"})
    public void override(Stage stage, String rule, Money unitPrice) {
        move(stage, rule, AdjustmentKind.OVERRIDE, unitPrice.amount(), unitPrice.times(quantity));
    }

    /**
     * Replaces the running line amount with what a price table makes of the
     * quantity (tiers and flat fees); the step shows the resulting unit price.
     */
    @Modifies({"price", "priceAmount"})
    public void priceByTable(Stage stage, String rule, Money lineAmount) {
        move(stage, rule, AdjustmentKind.OVERRIDE, unit(lineAmount).amount(), lineAmount);
    }

    /** A volume schedule's step: a price table prices the line amount, a percent schedule takes a percent off. */
    @Modifies({"price", "priceAmount"})
    public void applyVolume(VolumeSchedule schedule, BigDecimal tierQuantity) {
        if (!schedule.isPriceTable()) {
            applyPercent(Stage.VOLUME, schedule.name(), schedule.percentFor(tierQuantity));
            return;
        }
        Money tableAmount = schedule.amountFor(tierQuantity, currency());
        // Pooled: the pool's amount is shared by the lines in proportion to their quantities.
        Money lineAmount = tierQuantity.compareTo(quantity) == 0 ? tableAmount
                : tableAmount.times(quantity).dividedBy(tierQuantity);
        priceByTable(Stage.VOLUME, schedule.name(), lineAmount);
    }

    /** A promotion's step: a percent off, or an amount off per unit. */
    @Modifies({"price", "priceAmount"})
    public void applyPromotion(Promotion promotion) {
        if (promotion.amount() != null) {
            applyAmount(Stage.PROMOTION, promotion.code(), Money.of(promotion.amount(), currency()));
        } else {
            applyPercent(Stage.PROMOTION, promotion.code(), promotion.percent());
        }
    }

    /**
     * The rep's discount: a percent, or an amount per unit; the percent it
     * equals (of the running price before it) is what approvals compare.
     */
    @Modifies({"price", "priceAmount"})
    public void applyRequestedDiscount(Stage stage, String rule) {
        if (requested.amountPerUnit() != null) {
            Money off = requested.amountPerUnit();
            requestedPercentEquivalent = amount.isZero() ? BigDecimal.ZERO
                    : off.times(quantity).amount().multiply(HUNDRED)
                    .divide(amount.amount(), 4, RoundingMode.HALF_UP).min(HUNDRED);
            applyAmount(stage, rule, off);
        } else {
            applyPercent(stage, rule, requested.percent());
        }
    }

    private void move(Stage stage, String rule, AdjustmentKind kind, BigDecimal value, Money after) {
        // A blended slab percent is exact to 34 digits in the arithmetic; six decimals tell the story.
        BigDecimal shown = (value.scale() > 6 ? value.setScale(6, RoundingMode.HALF_UP) : value).stripTrailingZeros();
        adjustments.add(new Adjustment(stage, rule, kind, shown.scale() < 0 ? shown.setScale(0) : shown,
                getPrice(), unit(after)));
        amount = after;
    }

    /** A unit price for a line amount: exact when it divides evenly, else to six decimals. */
    private Money unit(Money lineAmount) {
        BigDecimal perUnit = lineAmount.amount().divide(quantity, Money.DIVISION);
        return Money.of(display(perUnit, currency()), currency());
    }

    /** At most six decimals, trailing zeros dropped, but never fewer than the currency's minor unit. */
    static BigDecimal display(BigDecimal value, Currency currency) {
        BigDecimal shown = (value.scale() > UNIT_SCALE ? value.setScale(UNIT_SCALE, RoundingMode.HALF_UP) : value)
                .stripTrailingZeros();
        int minor = currency.getDefaultFractionDigits();
        return shown.scale() < minor ? shown.setScale(minor) : shown;
    }

    /** The floor for a percent of list price, per unit. */
    public Money floorFor(BigDecimal percentOfList) {
        return Money.of(display(listPrice.amount().multiply(percentOfList).divide(HUNDRED), currency()), currency());
    }

    /** The running price as a percent of the list price (100 when the list price is zero). */
    public BigDecimal getPercentOfList() {
        Money list = listPrice.times(quantity);
        if (list.isZero()) {
            return HUNDRED;
        }
        return amount.amount().multiply(HUNDRED).divide(list.amount(), Money.DIVISION);
    }

    /** Whether the running unit price is above {@code unitPrice} (segment prices only ever lower it). */
    public boolean isPricedAbove(Money unitPrice) {
        return amount.compareTo(unitPrice.times(quantity)) > 0;
    }

    public boolean isRecurring() {
        return chargeType == ChargeType.RECURRING;
    }

    /** Whether the rep asked for a discount (a percent or an amount) on this line. */
    public boolean isDiscountAsked() {
        return requested.isAsked();
    }

    public Currency currency() {
        return listPrice.currency();
    }

    public int getIndex() { return index; }
    public String getSku() { return sku; }
    public String getFamily() { return family; }
    public ChargeType getChargeType() { return chargeType; }
    public BigDecimal getQuantity() { return quantity; }
    public Money getListPrice() { return listPrice; }
    public RequestedDiscount getRequested() { return requested; }
    /** The discount the rep asked for in percent; an amount asked counts as the percent it took off. */
    public BigDecimal getRequestedDiscount() { return requestedPercentEquivalent; }
    /** The running unit price (per month for recurring lines), to at most six decimals. */
    public Money getPrice() { return unit(amount); }
    /** The running unit price's amount, for rules that compare it with a price of the data. */
    public BigDecimal getPriceAmount() { return getPrice().amount(); }
    /** The running line amount, exact (per month for recurring lines). */
    public Money getAmount() { return amount; }
    public List<Adjustment> getAdjustments() { return Collections.unmodifiableList(adjustments); }

    @Override
    public String toString() {
        return "line " + index + " " + sku + " x" + quantity + " = " + amount;
    }
}
