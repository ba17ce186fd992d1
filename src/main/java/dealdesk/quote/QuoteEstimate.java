package dealdesk.quote;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * What a quote would pay its owner, shown with the quote: the commission of
 * the period with the quote minus without it, attainment (a fraction of
 * quota) before and after, the tier bands it enters, the SPIFs it earns,
 * and what one more point of discount on every line would cost the owner.
 */
@JsonIgnoreProperties(value = "currency", allowGetters = true)
public record QuoteEstimate(Money amount, BigDecimal attainmentBefore, BigDecimal attainmentAfter,
                            List<String> bandsEntered, List<String> awards, Money onePointMoreDiscountCosts,
                            String period) {

    public QuoteEstimate {
        bandsEntered = List.copyOf(bandsEntered);
        awards = List.copyOf(awards);
    }

    /** The currency of the amounts (the plan's, which is the quote's: other currencies get no estimate). */
    @JsonProperty("currency")
    public String currency() {
        return amount.currency().getCurrencyCode();
    }
}
