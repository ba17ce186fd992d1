package dealdesk.commission.api;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dealdesk.common.SplitsText;
import dealdesk.common.constraints.InRange;
import dealdesk.common.constraints.IsoDate;
import dealdesk.common.constraints.KnownCurrency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * One booking as POST /api/v1/transactions takes it: an element of the JSON
 * array, or a CSV row with the same columns (splits written alice:70;bob:30).
 * Both are bound to this record and checked by its constraints; what needs
 * several bookings or the database is checked by the parser and the service.
 * acv and tcv are optional; without them the amount is the credit basis
 * whatever the plan says.
 */
public record TransactionRequest(
        @NotBlank(message = "id is required")
        @Size(max = 100, message = "id is at most 100 characters")
        String id,
        @Size(max = 100, message = "dealId is at most 100 characters")
        String dealId,
        @NotNull(message = "closeDate is required")
        @IsoDate(message = "closeDate must be a date like 2026-11-10, not {value}")
        String closeDate,
        @Size(max = TEXT, message = "at most " + TEXT + " characters")
        String sku,
        @Size(max = TEXT, message = "at most " + TEXT + " characters")
        String family,
        @InRange(max = InRange.BILLION)
        BigDecimal units,
        @NotNull(message = "amount is required")
        @InRange(max = InRange.TRILLION, belowMin = "amount must not be negative; cancel the deal to claw back")
        BigDecimal amount,
        @NotNull(message = "currency is required")
        @KnownCurrency
        String currency,
        @Size(max = TEXT, message = "at most " + TEXT + " characters")
        String industry,
        @Size(max = TEXT, message = "at most " + TEXT + " characters")
        String dealType,
        @NotEmpty(message = "splits are required, e.g. [{username: alice, percent: 100}]")
        @JsonDeserialize(using = SplitsDeserializer.class)
        List<@NotNull(message = "a split is required, not null") @Valid SplitRequest> splits,
        @InRange(max = InRange.TRILLION)
        BigDecimal acv,
        @InRange(max = InRange.TRILLION)
        BigDecimal tcv) {

    static final int TEXT = 200;
    private static final String PERCENT = "percent must be above 0 and at most 100 (4 decimals)";

    public record SplitRequest(
            @NotBlank(message = "username is required")
            String username,
            @NotNull(message = PERCENT)
            @DecimalMin(value = "0", inclusive = false, message = PERCENT)
            @DecimalMax(value = "100", message = PERCENT)
            @Digits(integer = 3, fraction = 4, message = PERCENT)
            BigDecimal percent) {
    }

    /** Splits as a JSON list of {username, percent}, or as a CSV cell: {@code alice:70;bob:30}. */
    static final class SplitsDeserializer extends SplitsText<SplitRequest> {
        SplitsDeserializer() {
            super(SplitRequest.class);
        }

        @Override
        protected SplitRequest split(String username, BigDecimal percent) {
            return new SplitRequest(username, percent);
        }
    }
}
