package dealdesk.pricing;

import dealdesk.common.Money;
import java.math.BigDecimal;

/**
 * The rep's discount on a line: a percent (10 = 10%) or an amount per unit in
 * the quote's currency (null when none was asked), never both.
 */
public record RequestedDiscount(BigDecimal percent, Money amountPerUnit) {

    public static final RequestedDiscount NONE = new RequestedDiscount(BigDecimal.ZERO, null);

    public RequestedDiscount {
        percent = percent == null ? BigDecimal.ZERO : percent;
    }

    public static RequestedDiscount percent(BigDecimal percent) {
        return new RequestedDiscount(percent, null);
    }

    public boolean isAsked() {
        return percent.signum() > 0 || (amountPerUnit != null && amountPerUnit.amount().signum() > 0);
    }
}
