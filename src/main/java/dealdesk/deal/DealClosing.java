package dealdesk.deal;

import dealdesk.auth.Role;
import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.Validation;
import dealdesk.quote.Quote;
import dealdesk.quote.QuoteService;
import dealdesk.quote.QuoteStatus;
import java.time.Clock;
import java.time.LocalDate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The money moments of a deal: close won (which books its commission), close lost, cancel (which
 * claws back) and the confirmation of a booking its own rep made. Each is one transaction with the
 * listener's bookkeeping: a booking that fails leaves the deal as it was.
 */
final class DealClosing {
    private final Jdbi jdbi;
    private final Clock clock;
    private final UserService users;
    private final QuoteService quotes;
    private final DealClosedListener listener;
    private final DealChecks checks;
    private final DealService deals;

    DealClosing(Jdbi jdbi, Clock clock, UserService users, QuoteService quotes, DealClosedListener listener,
                DealChecks checks, DealService deals) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.users = users;
        this.quotes = quotes;
        this.listener = listener;
        this.checks = checks;
        this.deals = deals;
    }

    /**
     * Closes an open deal won with its primary quote, which must be approved (or presented or
     * accepted) and becomes ACCEPTED. A rep closing her own deal needs the customer's acceptance
     * recorded first, and her booking waits for her manager's or finance's confirmation.
     */
    void closeWon(User caller, long id, DealService.CloseRequest request) {
        LocalDate closeDate = closeDateOf(request);
        jdbi.useTransaction(handle -> {
            Deal deal = deals.lockForChange(handle, caller, id, null);
            requireOpen(deal);
            if (deal.primaryQuoteId() == null) {
                throw ApiException.invalid("primaryQuoteId", "a deal closes won with its primary quote: add a quote first");
            }
            boolean ownBooking = caller.role() == Role.REP;
            if (ownBooking) {
                requireAcceptedByCustomer(deal.primaryQuoteId());
            }
            Quote accepted = quotes.acceptForClose(handle, deal.primaryQuoteId());
            close(handle, deal, DealStage.CLOSED_WON, closeDate, caller);
            listener.dealClosedWon(handle, deals.read(handle, id),
                    accepted, new DealClosedListener.Closing(caller.username(), ownBooking));
        });
    }

    /** A rep's own booking counts only on a quote the customer accepted, recorded before she closes. */
    private void requireAcceptedByCustomer(long quoteId) {
        QuoteStatus status = quotes.load(quoteId).status();
        if (status != QuoteStatus.ACCEPTED) {
            throw ApiException.invalid("primaryQuoteId", "the customer has not accepted quote " + quoteId + " (it is "
                    + status + "): record their acceptance (POST /api/v1/quotes/" + quoteId + "/accept) before you"
                    + " close your own deal, or ask your manager to close it");
        }
    }

    void closeLost(User caller, long id, DealService.CloseRequest request) {
        LocalDate closeDate = closeDateOf(request);
        jdbi.useTransaction(handle -> {
            Deal deal = deals.lockForChange(handle, caller, id, null);
            requireOpen(deal);
            close(handle, deal, DealStage.CLOSED_LOST, closeDate, caller);
        });
    }

    /** Cancels a won deal (the customer backed out); commission may claw back. */
    void cancel(User caller, long id) {
        LocalDate today = LocalDate.now(clock);
        jdbi.useTransaction(handle -> {
            Deal deal = deals.lockForChange(handle, caller, id, null);
            if (deal.stage() != DealStage.CLOSED_WON) {
                throw new ApiException(ErrorCode.INVALID_STATE, "only a deal closed won can be cancelled; deal "
                        + id + " is " + deal.stage());
            }
            close(handle, deal, DealStage.CANCELLED, deal.closedOn(), caller);
            listener.dealCancelled(handle, deals.read(handle, id), today, caller.username());
        });
    }

    /**
     * Confirms the booking of a deal its own rep closed won: the rep's manager, finance or an admin
     * may; the commission is earned from then on. A second confirmation is a 409.
     */
    void confirmBooking(User caller, long id) {
        jdbi.useTransaction(handle -> {
            handle.attach(DealDao.class).lock(id).orElseThrow(() -> ApiException.notFound("deal", id));
            Deal deal = deals.read(handle, id);
            if (!DealAccess.canConfirmBooking(caller, deal.owner(), users)) {
                throw ApiException.forbidden("only " + deal.owner() + "'s manager or finance may confirm the booking of deal "
                        + id);
            }
            if (deal.stage() != DealStage.CLOSED_WON || deal.primaryQuoteId() == null) {
                throw new ApiException(ErrorCode.INVALID_STATE, "deal " + id + " is " + deal.stage()
                        + "; only a deal closed won has a booking to confirm");
            }
            listener.bookingConfirmed(handle, deal, quotes.load(deal.primaryQuoteId()), caller.username());
        });
    }

    private void close(Handle handle, Deal deal, DealStage stage, LocalDate closedOn, User caller) {
        DealDao dao = handle.attach(DealDao.class);
        dao.update(deal.id(), deal.account().name(), deal.account().industry(), stage, stage.probability(),
                deal.expectedCloseDate(), closedOn, deal.type(), deal.nextStep(), deals.write(deal.businessCase()),
                deal.primaryQuoteId(), clock.instant());
        dao.insertStageChange(deal.id(), deal.stage(), stage, caller.username(), clock.instant());
    }

    /** The day a deal closes: as asked (within the sane range) or today. */
    private LocalDate closeDateOf(DealService.CloseRequest request) {
        if (request == null || request.closeDate() == null) {
            return LocalDate.now(clock);
        }
        Validation v = new Validation();
        checks.closeDate(v, request.closeDate(), "closeDate");
        v.throwIfInvalid();
        return request.closeDate();
    }

    private static void requireOpen(Deal deal) {
        if (!deal.stage().open()) {
            throw new ApiException(ErrorCode.INVALID_STATE, "deal " + deal.id() + " is already " + deal.stage());
        }
    }
}
