package dealdesk.quote;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /quotes/preview}, {@code POST /quotes} and
 * {@code PUT /quotes/{id}}: who, in which currency and price book, for how
 * many months from when, and the lines. {@code dealId} is required to save
 * a quote (optional for a preview, where it picks the owner whose estimate
 * is shown); {@code version} is required by PUT: the version the client
 * last read, so a stale update is refused (409) instead of lost. The
 * constraints say what a request must be on its own; {@link QuotePricer}
 * checks it against the catalog, and answers both in one 422.
 */
public record QuoteRequest(
        Long dealId,
        Integer version,
        @NotNull(message = "customer is required") @Valid
        Customer customer,
        String currency,
        String priceBook,
        @NotNull(message = "a term of 1 to " + QuotePricer.MAX_TERM_MONTHS + " months is required")
        @Min(value = 1, message = "a term of 1 to " + QuotePricer.MAX_TERM_MONTHS + " months is required")
        @Max(value = QuotePricer.MAX_TERM_MONTHS, message = "a term of 1 to " + QuotePricer.MAX_TERM_MONTHS + " months is required")
        Integer termMonths,
        @NotNull(message = "a start date like 2026-11-01 is required")
        LocalDate startDate,
        @NotEmpty(message = "at least one line is required")
        @Size(max = QuotePricer.MAX_LINES, message = "at most " + QuotePricer.MAX_LINES + " lines")
        List<@NotNull(message = "a line is required, not null") @Valid QuoteLineRequest> lines) {
}
