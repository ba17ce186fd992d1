package dealdesk.pricing;

import java.math.BigDecimal;

/** The quote's total quantity of a family, for pooled volume schedules (computed once per quote). */
public record FamilyQuantity(String family, BigDecimal quantity) {
}
