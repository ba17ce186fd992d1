package dealdesk.deal;

import dealdesk.common.constraints.InRange;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/** Who gets credit for a deal and how much, in percent; a deal's splits sum to 100. */
public record CreditSplit(
        @Size(max = 100) String username,
        @NotNull(message = CreditSplit.PERCENT)
        @InRange(min = "0", minInclusive = false, max = "100", maxInclusive = true, scale = 4, message = CreditSplit.PERCENT)
        BigDecimal percent) {
    static final String PERCENT = "a percent above 0 and at most 100 is required";
}
