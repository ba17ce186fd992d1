package dealdesk.deal;

import dealdesk.quote.Quote;
import java.time.LocalDate;

/**
 * Told when a deal's money becomes real or is undone: the commission feature
 * turns a won deal's primary quote into transactions and claws back a
 * cancelled one. Called after the deal's change is committed; an exception
 * is reported to the caller (the deal stays closed).
 */
public interface DealClosedListener {

    /** The deal closed won on {@code deal.closedOn()}; {@code primaryQuote} is accepted and never null. */
    void dealClosedWon(Deal deal, Quote primaryQuote);

    /** A deal that had closed won was cancelled on {@code cancelledOn}. */
    void dealCancelled(Deal deal, LocalDate cancelledOn);
}
