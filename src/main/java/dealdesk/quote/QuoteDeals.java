package dealdesk.quote;

import dealdesk.auth.User;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Handle;

/**
 * What quotes need of deals, owned by the quote feature and implemented by
 * the deal feature: quote reads no deal table and calls no deal service, so
 * deals may use quotes without a cycle.
 */
public interface QuoteDeals {

    /**
     * The deal a quote belongs to, as far as quoting cares: its owner (whose
     * estimate the quote shows), who holds credit, its stage (e.g.
     * PROPOSAL, CLOSED_WON), whether it is still open, and when it is
     * expected to close.
     */
    record QuotedDeal(long id, String owner, List<String> creditedUsers, String stage, boolean open,
                      LocalDate expectedClose) {
    }

    Optional<QuotedDeal> find(long dealId);

    /** Whether {@code viewer} may see the deal and its quotes. */
    boolean maySee(User viewer, QuotedDeal deal);

    /** Whether {@code viewer} may change what {@code owner} owns. */
    boolean mayChange(User viewer, String owner);

    /** Inside the transaction that created the quote: a deal's first quote becomes its primary quote. */
    void quoteAdded(Handle handle, long dealId, long quoteId);
}
