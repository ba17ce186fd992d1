package dealdesk.quote;

import com.fasterxml.jackson.annotation.JsonInclude;
import dealdesk.common.Money;
import dealdesk.pricing.Adjustment;
import java.math.BigDecimal;
import java.util.List;

/**
 * A priced line as it goes over the wire (and into proposals and commission
 * transactions). Unit prices are per unit, per month for subscriptions, to at
 * most six decimals: {@code listPrice} plus the adjustments' {@code after -
 * before} is {@code netPrice}. Amounts are exact and rounded once to the
 * currency: {@code monthly} is the line's MRR (0 when one-time),
 * {@code netTotal} the line over the whole term, {@code listTotal} the same at
 * list price. {@code discountPercent} or {@code discountAmount} (per unit) is
 * what the rep asked.
 */
public record PricedQuoteLine(String sku, String name, String family, String kind, String unit,
                              BigDecimal quantity, BigDecimal discountPercent,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Money discountAmount, Money listPrice,
                              Money netPrice, Money monthly, Money netTotal, Money listTotal,
                              List<Adjustment> adjustments) {

    public boolean recurring() {
        return "SUBSCRIPTION".equals(kind);
    }
}
