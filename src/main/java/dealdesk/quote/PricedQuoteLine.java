package dealdesk.quote;

import dealdesk.pricing.Adjustment;
import java.math.BigDecimal;
import java.util.List;

/**
 * A priced line as it goes over the wire (and into proposals and commission
 * transactions). Unit prices are per unit, per month for subscriptions, at 4
 * decimals: {@code listPrice} plus the adjustments' {@code after - before}
 * is {@code netPrice}. Amounts are rounded to the currency: {@code monthly} is
 * the line's MRR (0 when one-time), {@code netTotal} the line over the whole
 * term, {@code listTotal} the same at list price.
 */
public record PricedQuoteLine(String sku, String name, String family, String kind, String unit,
                              BigDecimal quantity, BigDecimal discountPercent, BigDecimal listPrice,
                              BigDecimal netPrice, BigDecimal monthly, BigDecimal netTotal, BigDecimal listTotal,
                              List<Adjustment> adjustments) {

    public boolean recurring() {
        return "SUBSCRIPTION".equals(kind);
    }
}
