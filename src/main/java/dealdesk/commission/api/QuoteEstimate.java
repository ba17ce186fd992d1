package dealdesk.commission.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a quote pays its owner (the {@code estimate} of a priced quote): the
 * amount, attainment before and after, the bands and SPIFs it reaches, and what
 * one more point of discount on every line costs them.
 */
public record QuoteEstimate(BigDecimal amount, BigDecimal attainmentBefore, BigDecimal attainmentAfter,
                            List<String> bandsEntered, List<String> awards, BigDecimal onePointMoreDiscountCosts,
                            String period, String currency) {
}
