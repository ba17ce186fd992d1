package dealdesk.quote;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A saved quote at its current version: the request as asked, the priced
 * result (lines with waterfalls, totals, approvals needed, errors), and the
 * approvals of this version. For proposals and commission: use
 * {@code request.customer()} for who and locale, {@code priced.lines()} for
 * sku, quantity and net totals, {@code priced.totals()} for ACV/TCV.
 * {@code validUntil} is the last day the version may be presented or
 * accepted; after it the status shows EXPIRED (unless already ACCEPTED).
 */
public record Quote(long id, long dealId, String owner, QuoteStatus status, int version, QuoteRequest request,
                    PricedQuote priced, List<QuoteApproval> approvals, LocalDate validUntil, Instant createdAt,
                    Instant updatedAt) {
}
