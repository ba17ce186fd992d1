package dealdesk.commission;

import dealdesk.auth.Role;
import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.commission.engine.Estimator.Estimate;
import dealdesk.common.ApiException;
import dealdesk.common.Money;
import dealdesk.deal.Deal;
import dealdesk.deal.DealAccess;
import dealdesk.deal.DealService;
import dealdesk.quote.Quote;
import dealdesk.quote.QuoteService;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Bookings that wait for confirmation, with what each would pay its rep: shown to the rep as
 * pending (never earned or payable) and to her manager and finance with a Confirm button.
 */
public class PendingBookings {
    private final Jdbi jdbi;
    private final UserService users;
    private final DealService deals;
    private final QuoteService quotes;
    private final BookingService bookings;
    private final EstimateService estimates;

    public PendingBookings(Jdbi jdbi, UserService users, DealService deals, QuoteService quotes,
                           CommissionServices commission) {
        this.jdbi = jdbi;
        this.users = users;
        this.deals = deals;
        this.quotes = quotes;
        this.bookings = commission.bookings();
        this.estimates = commission.estimates();
    }

    /**
     * A booking waiting for confirmation: the deal, who closed it and when, the quote's total, and
     * the rep's commission from it once confirmed (null when it cannot be estimated, e.g. no quota).
     */
    public record Item(long dealId, String account, String owner, String ownerName, LocalDate closedOn,
                       String closedBy, Instant closedAt, BigDecimal amount, String currency,
                       BigDecimal pendingCommission, String commissionCurrency, boolean canConfirm) {
    }

    /** What the viewer sees waiting: a rep her own, a manager her team's and her own, finance and admins all. */
    public List<Item> visibleTo(User viewer) {
        boolean all = viewer.role() == Role.FINANCE || viewer.role() == Role.ADMIN;
        return jdbi.withExtension(BookingConfirmationDao.class, dao -> dao.pending(true, new String[0])).stream()
                .filter(row -> all || row.owner().equals(viewer.username())
                        || DealAccess.canConfirmBooking(viewer, row.owner(), users))
                .map(row -> item(viewer, row)).toList();
    }

    /** The bookings the viewer may confirm. */
    public List<Item> toConfirmBy(User viewer) {
        return visibleTo(viewer).stream().filter(Item::canConfirm).toList();
    }

    /** The rep's own bookings that wait, with what each would pay her. */
    public List<Item> of(User rep) {
        return visibleTo(rep).stream().filter(item -> item.owner().equals(rep.username())).toList();
    }

    private Item item(User viewer, BookingConfirmationDao.Confirmation row) {
        Deal deal = deals.load(row.dealId());
        Quote quote = quotes.load(deal.primaryQuoteId());
        Money total = quote.priced().totals().tcv();
        Estimate estimate = commission(deal, quote);
        return new Item(deal.id(), deal.account().name(), row.owner(),
                users.find(row.owner()).map(User::name).orElse(row.owner()), deal.closedOn(), row.closedBy(),
                row.closedAt(), total.amount(), quote.priced().currency(),
                estimate == null ? null : estimate.amount().amount(), estimate == null ? null : estimate.currency(),
                DealAccess.canConfirmBooking(viewer, row.owner(), users));
    }

    /** What the booking would add to its rep's commission for the period, as things stand. */
    private Estimate commission(Deal deal, Quote quote) {
        try {
            List<Transaction> booked = bookings.inPlanCurrencies(DealBookings.transactions(deal, quote));
            return estimates.estimate(deal.owner(), deal.closedOn(), booked);
        } catch (ApiException e) {
            return null; // no plan, quota or rate for that day: the booking still waits, without a figure
        }
    }
}
