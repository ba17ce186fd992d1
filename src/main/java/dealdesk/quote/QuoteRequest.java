package dealdesk.quote;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code POST /quotes/preview}, {@code POST /quotes} and
 * {@code PUT /quotes/{id}}: who, in which currency and price book, for how
 * many months from when, and the lines. {@code dealId} is required to save
 * a quote (optional for a preview, where it picks the owner whose estimate
 * is shown); {@code version} is required by PUT: the version the client
 * last read, so a stale update is refused (409) instead of lost.
 */
public record QuoteRequest(Long dealId, Integer version, Customer customer, String currency, String priceBook,
                           Integer termMonths, LocalDate startDate, List<QuoteLineRequest> lines) {
}
