package dealdesk.commission;

import dealdesk.deal.Deal;
import dealdesk.deal.DealClosedListener;
import dealdesk.quote.Quote;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Handle;

/**
 * A deal won here books its primary quote as transactions; a cancelled one is marked for clawback.
 * A deal its own rep closed books only once her manager or finance confirms it, unless
 * {@code autoConfirmOwnBookings} is on.
 */
public class DealBookings implements DealClosedListener {
    /** Who the audit log names as confirming a booking that confirmed by itself. */
    static final String AUTO_CONFIRMED_BY = "system (commission.autoConfirmOwnBookings)";

    private final BookingService bookings;
    private final boolean autoConfirmOwnBookings;

    public DealBookings(BookingService bookings) {
        this(bookings, false);
    }

    public DealBookings(BookingService bookings, boolean autoConfirmOwnBookings) {
        this.bookings = bookings;
        this.autoConfirmOwnBookings = autoConfirmOwnBookings;
    }

    /** The transactions id of a deal closed here. */
    public static String dealId(long id) {
        return QuoteTransactions.dealId(id);
    }

    /** The deal's primary quote as the transactions it books. */
    static List<Transaction> transactions(Deal deal, Quote primaryQuote) {
        String dealId = dealId(deal.id());
        return QuoteTransactions.of(dealId, deal, deal.closedOn(), primaryQuote.priced(),
                primaryQuote.request().termMonths(), QuoteTransactions.splits(deal));
    }

    @Override
    public void dealClosedWon(Handle handle, Deal deal, Quote primaryQuote, Closing closing) {
        List<Transaction> booked = transactions(deal, primaryQuote);
        if (!closing.byOwnRep()) {
            bookings.replaceDealTransactions(handle, dealId(deal.id()), booked, closing.by());
        } else if (autoConfirmOwnBookings) {
            bookings.bookConfirmed(handle, deal.id(), deal.owner(), booked, closing.by(), AUTO_CONFIRMED_BY);
        } else {
            bookings.holdForConfirmation(handle, deal.id(), deal.owner(), booked, closing.by());
        }
    }

    @Override
    public void bookingConfirmed(Handle handle, Deal deal, Quote primaryQuote, String confirmedBy) {
        bookings.confirm(handle, deal.id(), transactions(deal, primaryQuote), confirmedBy);
    }

    @Override
    public void dealCancelled(Handle handle, Deal deal, LocalDate cancelledOn, String cancelledBy) {
        bookings.cancelPending(handle, deal.id(), cancelledBy);
        bookings.cancelDeal(handle, dealId(deal.id()), cancelledOn, cancelledBy);
    }
}
