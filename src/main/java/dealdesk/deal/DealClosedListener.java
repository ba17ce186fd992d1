package dealdesk.deal;

import dealdesk.quote.Quote;
import java.time.LocalDate;
import org.jdbi.v3.core.Handle;

/**
 * Told when a deal's money becomes real or is undone: the commission feature
 * turns a won deal's primary quote into transactions and claws back a
 * cancelled one. Called in the deal's transaction ({@code handle}): an
 * exception undoes the deal's change too, so money and deal never disagree.
 */
public interface DealClosedListener {

    /** The deal closed won on {@code deal.closedOn()}; {@code primaryQuote} is accepted and never null. */
    void dealClosedWon(Handle handle, Deal deal, Quote primaryQuote);

    /** A deal that had closed won was cancelled on {@code cancelledOn}. */
    void dealCancelled(Handle handle, Deal deal, LocalDate cancelledOn);
}
