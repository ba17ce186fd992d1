package dealdesk.pricing;

import java.math.BigDecimal;

/** Percent off recurring lines for terms of at least {@code minMonths}; the largest reached applies. */
public record TermDiscount(String name, int minMonths, BigDecimal percent) {
}
