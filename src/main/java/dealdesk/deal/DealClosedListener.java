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

    /**
     * Who closed a deal won, and whether its own rep did: her booking then waits for her manager's or
     * finance's confirmation (unless configured to confirm by itself).
     */
    record Closing(String by, boolean byOwnRep) {
    }

    /** The deal closed won on {@code deal.closedOn()}; {@code primaryQuote} is accepted and never null. */
    void dealClosedWon(Handle handle, Deal deal, Quote primaryQuote, Closing closing);

    /** The rep's manager, finance or an admin ({@code confirmedBy}) confirmed the booking of a won deal. */
    void bookingConfirmed(Handle handle, Deal deal, Quote primaryQuote, String confirmedBy);

    /** A deal that had closed won was cancelled on {@code cancelledOn} by {@code cancelledBy}. */
    void dealCancelled(Handle handle, Deal deal, LocalDate cancelledOn, String cancelledBy);
}
