package dealdesk.pricing;

import dealdesk.common.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * A priced line as clients see it. Prices are per unit (per month for
 * recurring lines), to at most six decimals; totals are rounded to the
 * currency. {@code netTotal} covers the whole term (monthly amount x term
 * months for recurring lines), {@code monthly} is the line's MRR (0 for
 * one-time lines), {@code listTotal - netTotal} is the line's discount.
 */
public record LineResult(int index, String sku, ChargeType chargeType, BigDecimal quantity,
                         Money listPrice, Money netPrice, LineTotals totals, List<Adjustment> adjustments) {

    public Money netTotal() {
        return totals.netTotal();
    }

    /** A line's rounded amounts: its MRR, its total over the term, and the same at list price. */
    public record LineTotals(Money monthly, Money netTotal, Money listTotal) {
    }
}
