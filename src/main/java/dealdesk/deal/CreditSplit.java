package dealdesk.deal;

import java.math.BigDecimal;

/** Who gets credit for a deal and how much, in percent; a deal's splits sum to 100. */
public record CreditSplit(String username, BigDecimal percent) {
}
