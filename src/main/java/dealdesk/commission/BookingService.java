package dealdesk.commission;

import dealdesk.auth.UserService;
import dealdesk.commission.Transaction.Split;
import dealdesk.commission.api.TransactionRequest;
import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.Money;
import dealdesk.common.Validation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Bookings, the engine's input: imported from a CRM (JSON or CSV) or made from a
 * deal closed won here; a cancelled deal's bookings are marked for clawback.
 */
public class BookingService {
    private final Jdbi jdbi;
    private final UserService users;
    private final PlanLookup plans;
    private final CommissionChanges changes;
    private final Clock clock;
    private final ExchangeRates rates;

    /** {@code rates}: where the rates come from that convert bookings in another currency than the plan's. */
    public BookingService(Jdbi jdbi, UserService users, PlanLookup plans, CommissionChanges changes,
                          ExchangeRates rates, Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.plans = plans;
        this.changes = changes;
        this.rates = rates;
        this.clock = clock;
    }

    public record ImportResult(int imported, int replaced, List<String> ids) {
    }

    /**
     * Imports bookings all or nothing: the same id again replaces the stored
     * one; unknown users and currencies a user's plan cannot take are 422s.
     */
    public ImportResult importTransactions(List<TransactionRequest> requests, String pathPrefix, String source,
                                           String actor) {
        Validation validation = new Validation();
        List<Transaction> transactions = new ArrayList<>(TransactionParser.validate(requests, pathPrefix, validation));
        Set<String> named = new TreeSet<>();
        transactions.forEach(transaction -> transaction.splits().forEach(split -> named.add(split.username())));
        Set<String> known = users.existing(named);
        jdbi.useHandle(handle -> {
            PlanLookup.Batch plansOn = plans.batch(handle).prefetch(known);
            for (int i = 0; i < transactions.size(); i++) {
                Transaction transaction = transactions.get(i);
                if (transaction.closeDate() == null) {
                    continue;
                }
                boolean allKnown = true;
                for (int s = 0; s < transaction.splits().size(); s++) {
                    String username = transaction.splits().get(s).username();
                    if (!known.contains(username)) {
                        validation.add(pathPrefix + "[" + i + "].splits[" + s + "].username",
                                "unknown user " + username);
                        allKnown = false;
                    }
                }
                if (allKnown && transaction.currency() != null && transaction.amount() != null) {
                    transactions.set(i, inPlanCurrency(plansOn, transaction, pathPrefix + "[" + i + "].currency",
                            validation));
                }
            }
        });
        validation.throwIfInvalid();
        return jdbi.inTransaction(handle -> {
            TransactionDao dao = handle.attach(TransactionDao.class);
            List<String> ids = transactions.stream().map(Transaction::id).toList();
            Map<String, Transaction> previous = new HashMap<>();
            dao.byIds(ids).forEach(transaction -> previous.put(transaction.id(), transaction));
            Set<String> otherSource = previous.isEmpty() ? Set.of() : Set.copyOf(dao.fromOtherSource(ids, source));
            // a booking sent again exactly as stored is left alone: it changes no statement
            List<Transaction> changed = new ArrayList<>();
            Map<String, LocalDate> affected = new TreeMap<>();
            for (Transaction transaction : transactions) {
                Transaction stored = previous.get(transaction.id());
                if (stored != null && !otherSource.contains(transaction.id()) && sameBooking(stored, transaction)) {
                    continue;
                }
                changed.add(transaction);
                CommissionChanges.affect(affected, transaction);
                if (stored != null) {
                    CommissionChanges.affect(affected, stored);
                }
            }
            if (!changed.isEmpty()) {
                changes.lockAll(handle, affected.keySet());
                dao.deleteAll(changed.stream().map(Transaction::id).filter(previous::containsKey).toList());
                dao.insertAll(changed, source, clock.instant());
                changes.changed(handle, affected);
            }
            CommissionAudit.record(handle, actor, "IMPORT_TRANSACTIONS", "commission_transactions", source,
                    previous.isEmpty() ? null : Map.of("ids", List.copyOf(new TreeSet<>(previous.keySet()))),
                    Map.of("ids", ids, "replaced", previous.size(), "unchanged", transactions.size() - changed.size()));
            return new ImportResult(transactions.size(), previous.size(), ids);
        });
    }

    /** The same booking in every stored field (splits in any order, numbers to the same scale). */
    static boolean sameBooking(Transaction stored, Transaction sent) {
        return stored.withSplits(bySplitUser(stored.splits())).equals(sent.withSplits(bySplitUser(sent.splits())));
    }

    private static List<Split> bySplitUser(List<Split> splits) {
        return splits.stream().sorted(java.util.Comparator.comparing(Split::username)).toList();
    }

    /** Stores transactions produced here (a deal closed won), replacing the deal's earlier ones. */
    public void replaceDealTransactions(String dealId, List<Transaction> transactions, String actor) {
        jdbi.useTransaction(handle -> replaceDealTransactions(handle, dealId, transactions, actor));
    }

    /** As {@link #replaceDealTransactions(String, List, String)}, in the caller's transaction. */
    public void replaceDealTransactions(Handle handle, String dealId, List<Transaction> booked, String actor) {
        List<Transaction> transactions = inPlanCurrencies(booked);
        TransactionDao dao = handle.attach(TransactionDao.class);
        List<Transaction> previous = dao.ofDeal(dealId);
        Map<String, LocalDate> affected = new TreeMap<>();
        previous.forEach(transaction -> CommissionChanges.affect(affected, transaction));
        transactions.forEach(transaction -> CommissionChanges.affect(affected, transaction));
        changes.lockAll(handle, affected.keySet());
        dao.deleteAll(previous.stream().map(Transaction::id).toList());
        dao.deleteAll(transactions.stream().map(Transaction::id).toList());
        dao.insertAll(transactions, "DEAL", clock.instant());
        changes.changed(handle, affected);
        CommissionAudit.record(handle, actor, "DEAL_TRANSACTIONS", "commission_transactions", dealId,
                previous.isEmpty() ? null : Map.of("ids", previous.stream().map(Transaction::id).toList()),
                Map.of("ids", transactions.stream().map(Transaction::id).toList()));
    }

    /**
     * A deal closed won by its own rep: the booking is checked now (a currency without a rate is a
     * 422 and the deal stays open) but books nothing until the rep's manager or finance confirms it.
     */
    public void holdForConfirmation(Handle handle, long deal, String owner, List<Transaction> booked, String actor) {
        inPlanCurrencies(booked);
        BookingConfirmationDao dao = handle.attach(BookingConfirmationDao.class);
        dao.store(deal, owner, "PENDING", actor, clock.instant(), null, null);
        CommissionAudit.record(handle, actor, "HOLD_BOOKING", "booking_confirmation", Long.toString(deal), null,
                dao.find(deal).orElseThrow());
    }

    /** Books a booking its own rep made as confirmed at once ({@code commission.autoConfirmOwnBookings}). */
    public void bookConfirmed(Handle handle, long deal, String owner, List<Transaction> booked, String actor,
                              String confirmedBy) {
        replaceDealTransactions(handle, DealBookings.dealId(deal), booked, actor);
        BookingConfirmationDao dao = handle.attach(BookingConfirmationDao.class);
        dao.store(deal, owner, "CONFIRMED", actor, clock.instant(), confirmedBy, clock.instant());
        CommissionAudit.record(handle, confirmedBy, "CONFIRM_BOOKING", "booking_confirmation", Long.toString(deal),
                null, dao.find(deal).orElseThrow());
    }

    /** Books a pending booking: its commission is earned from now on. A booking not pending is a 409. */
    public void confirm(Handle handle, long deal, List<Transaction> booked, String actor) {
        BookingConfirmationDao dao = handle.attach(BookingConfirmationDao.class);
        BookingConfirmationDao.Confirmation before = dao.lock(deal).orElseThrow(() -> new ApiException(
                ErrorCode.INVALID_STATE, "deal " + deal + " has no booking waiting for confirmation: it was booked"
                + " when it closed"));
        if (!before.pending()) {
            throw new ApiException(ErrorCode.INVALID_STATE, "the booking of deal " + deal + " is " + before.status()
                    + (before.confirmedBy() == null ? "" : ", confirmed by " + before.confirmedBy() + " at "
                    + before.confirmedAt()));
        }
        replaceDealTransactions(handle, DealBookings.dealId(deal), booked, actor);
        dao.confirm(deal, actor, clock.instant());
        CommissionAudit.record(handle, actor, "CONFIRM_BOOKING", "booking_confirmation", Long.toString(deal), before,
                dao.find(deal).orElseThrow());
    }

    /** A cancelled deal's booking no longer waits for confirmation; true if one did. */
    public boolean cancelPending(Handle handle, long deal, String actor) {
        BookingConfirmationDao dao = handle.attach(BookingConfirmationDao.class);
        Optional<BookingConfirmationDao.Confirmation> before = dao.lock(deal).filter(BookingConfirmationDao.Confirmation::pending);
        if (before.isEmpty()) {
            return false;
        }
        dao.cancelPending(deal);
        CommissionAudit.record(handle, actor, "CANCEL_BOOKING", "booking_confirmation", Long.toString(deal),
                before.get(), dao.find(deal).orElseThrow());
        return true;
    }

    /** The deal's bookings in their plans' currency, converted at the close date's rate where they differ. */
    List<Transaction> inPlanCurrencies(List<Transaction> transactions) {
        Validation validation = new Validation();
        List<Transaction> converted = new ArrayList<>();
        for (Transaction transaction : transactions) {
            converted.add(inPlanCurrency(transaction, "currency", validation));
        }
        validation.throwIfInvalid();
        return converted;
    }

    /**
     * The booking in the currency its split users are paid in: converted at the latest rate on or
     * before its close date when it was booked in another one. A missing rate, or split users paid
     * in different currencies, is a problem on the path.
     */
    private Transaction inPlanCurrency(Transaction transaction, String path, Validation validation) {
        return jdbi.withHandle(handle -> inPlanCurrency(plans.batch(handle), transaction, path, validation));
    }

    /** The booking in the currency its users' plans pay in (converted at the day's rate), or a problem at path. */
    private Transaction inPlanCurrency(PlanLookup.Batch plansOn, Transaction transaction, String path,
                                       Validation validation) {
        Set<String> paidIn = new TreeSet<>();
        for (Split split : transaction.splits()) {
            plansOn.on(split.username(), transaction.closeDate())
                    .ifPresent(plan -> paidIn.add(plan.currency().getCurrencyCode()));
        }
        if (paidIn.isEmpty() || paidIn.contains(transaction.currency()) && paidIn.size() == 1) {
            return transaction;
        }
        if (paidIn.size() > 1) {
            validation.add(path, "the split users are paid in " + String.join(" and ", paidIn)
                    + "; book each currency's share separately");
            return transaction;
        }
        String target = paidIn.iterator().next();
        Optional<ExchangeRates.Rate> rate = rates.rate(transaction.currency(), target, transaction.closeDate());
        if (rate.isEmpty()) {
            validation.add(path, "no " + transaction.currency() + " to " + target + " exchange rate on or before "
                    + transaction.closeDate() + "; finance adds one with PUT /api/v1/exchange-rates");
            return transaction;
        }
        Currency currency = Currency.getInstance(target);
        BigDecimal factor = rate.get().rate();
        Transaction.Values values = transaction.values() == null ? Transaction.Values.NONE : transaction.values();
        return new Transaction(transaction.id(), transaction.dealId(), transaction.closeDate(), transaction.product(),
                convert(transaction.amount(), factor, currency),
                new Transaction.Values(convert(values.acv(), factor, currency), convert(values.tcv(), factor, currency)),
                transaction.splits(), transaction.cancelledOn(),
                Transaction.Conversion.of(transaction.amount(), factor, rate.get().date()));
    }

    /** An amount at a rate into another currency, rounded to that currency's minor unit. */
    private static Money convert(Money amount, BigDecimal rate, Currency currency) {
        return amount == null ? null : Money.of(amount.amount().multiply(rate), currency).rounded();
    }

    /** Marks the deal's transactions cancelled; clawbacks follow from the plan's window. */
    public int cancelDeal(String dealId, LocalDate cancelledOn, String actor) {
        return jdbi.inTransaction(handle -> cancelDeal(handle, dealId, cancelledOn, actor));
    }

    /** As {@link #cancelDeal(String, LocalDate, String)}, in the caller's transaction. */
    public int cancelDeal(Handle handle, String dealId, LocalDate cancelledOn, String actor) {
        TransactionDao dao = handle.attach(TransactionDao.class);
        Map<String, LocalDate> affected = new TreeMap<>();
        dao.ofDeal(dealId).forEach(transaction -> CommissionChanges.affect(affected, transaction));
        changes.lockAll(handle, affected.keySet());
        int cancelled = dao.cancelDeal(dealId, cancelledOn, clock.instant());
        changes.changed(handle, affected);
        CommissionAudit.record(handle, actor, "CANCEL_DEAL", "commission_transactions", dealId,
                Map.of("cancelledOn", "none", "transactions", cancelled),
                Map.of("cancelledOn", cancelledOn.toString(), "transactions", cancelled));
        return cancelled;
    }
}
