package dealdesk.quote;

import java.time.Instant;
import java.util.List;

/**
 * A saved quote at its current version: the request as asked, the priced
 * result (lines with waterfalls, totals, approvals needed, errors), and the
 * approvals of this version. For proposals and commission: use
 * {@code request.customer()} for who and locale, {@code priced.lines()} for
 * sku, quantity and net totals, {@code priced.totals()} for ACV/TCV.
 */
public record Quote(long id, long dealId, String owner, QuoteStatus status, int version, QuoteRequest request,
                    PricedQuote priced, List<QuoteApproval> approvals, Instant createdAt, Instant updatedAt) {
}
