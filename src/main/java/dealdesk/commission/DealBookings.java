package dealdesk.commission;

import dealdesk.deal.Deal;
import dealdesk.deal.DealClosedListener;
import dealdesk.quote.Quote;
import java.time.LocalDate;
import org.jdbi.v3.core.Handle;

/** A deal won here books its primary quote as transactions; a cancelled one is marked for clawback. */
public class DealBookings implements DealClosedListener {
    private final BookingService bookings;

    public DealBookings(BookingService bookings) {
        this.bookings = bookings;
    }

    /** The transactions id of a deal closed here. */
    public static String dealId(long id) {
        return QuoteTransactions.dealId(id);
    }

    @Override
    public void dealClosedWon(Handle handle, Deal deal, Quote primaryQuote) {
        String dealId = dealId(deal.id());
        bookings.replaceDealTransactions(handle, dealId, QuoteTransactions.of(dealId, deal, deal.closedOn(),
                primaryQuote.priced(), primaryQuote.request().termMonths(), QuoteTransactions.splits(deal)), deal.owner());
    }

    @Override
    public void dealCancelled(Handle handle, Deal deal, LocalDate cancelledOn) {
        bookings.cancelDeal(handle, dealId(deal.id()), cancelledOn, deal.owner());
    }
}
