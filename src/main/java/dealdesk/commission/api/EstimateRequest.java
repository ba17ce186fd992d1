package dealdesk.commission.api;

import dealdesk.common.constraints.InRange;
import dealdesk.common.constraints.IsoDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * POST /api/v1/estimates: hypothetical lines closing on closeDate, credited 100% to username;
 * or, with {@code dealId} (like deal-12) instead of lines, an open deal's primary quote with the
 * deal's splits, closing on closeDate or else its expected close date. Which of the two is
 * given, and whether closeDate is then required, the service decides.
 */
public record EstimateRequest(
        @NotBlank(message = "username is required") @Size(max = 100) String username,
        @IsoDate String closeDate,
        // an estimate recomputes the period with its lines twice: the work per request stays bounded
        @Size(max = 1_000, message = "at most 1000 lines")
        List<@NotNull(message = "a line is required, not null") @Valid EstimateLine> lines,
        @Size(max = 100) String dealId) {

    /** A hypothetical line in the currency of the user's plan: an amount, and units, ACV and TCV if the plan credits them. */
    public record EstimateLine(
            @Size(max = 100) String sku,
            @Size(max = 100) String family,
            @InRange(max = InRange.BILLION) BigDecimal units,
            @NotNull(message = "amount is required") @InRange(max = InRange.TRILLION) BigDecimal amount,
            @Size(max = 100) String industry,
            @Size(max = 100) String dealType,
            @InRange(max = InRange.TRILLION) BigDecimal acv,
            @InRange(max = InRange.TRILLION) BigDecimal tcv) {
    }
}
