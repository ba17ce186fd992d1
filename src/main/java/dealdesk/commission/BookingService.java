package dealdesk.commission;

import dealdesk.auth.UserService;
import dealdesk.commission.Transaction.Split;
import dealdesk.commission.api.TransactionRequest;
import dealdesk.common.Validation;
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

    public BookingService(Jdbi jdbi, UserService users, PlanLookup plans, CommissionChanges changes, Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.plans = plans;
        this.changes = changes;
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
        List<Transaction> transactions = TransactionParser.validate(requests, pathPrefix, validation);
        Map<String, Boolean> known = new HashMap<>();
        for (int i = 0; i < transactions.size(); i++) {
            Transaction transaction = transactions.get(i);
            if (transaction.closeDate() == null) {
                continue;
            }
            for (int s = 0; s < transaction.splits().size(); s++) {
                String username = transaction.splits().get(s).username();
                boolean exists = known.computeIfAbsent(username, name -> users.find(name).isPresent());
                if (!exists) {
                    validation.add(pathPrefix + "[" + i + "].splits[" + s + "].username", "unknown user " + username);
                    continue;
                }
                int index = i;
                plans.on(username, transaction.closeDate()).ifPresent(plan -> {
                    if (transaction.currency() != null
                            && !plan.currency().getCurrencyCode().equals(transaction.currency())) {
                        validation.add(pathPrefix + "[" + index + "].currency",
                                username + "'s plan " + plan.id() + " pays in " + plan.currency().getCurrencyCode()
                                        + ", not " + transaction.currency());
                    }
                });
            }
        }
        validation.throwIfInvalid();
        return jdbi.inTransaction(handle -> {
            TransactionDao dao = handle.attach(TransactionDao.class);
            List<String> ids = transactions.stream().map(Transaction::id).toList();
            List<Transaction> previous = dao.byIds(ids);
            Map<String, LocalDate> affected = new TreeMap<>();
            previous.forEach(transaction -> CommissionChanges.affect(affected, transaction));
            transactions.forEach(transaction -> CommissionChanges.affect(affected, transaction));
            changes.lockAll(handle, affected.keySet());
            dao.deleteAll(ids);
            dao.insertAll(transactions, source, clock.instant());
            changes.changed(handle, affected);
            CommissionAudit.record(handle, actor, "IMPORT_TRANSACTIONS", "commission_transactions", source,
                    Map.of("ids", ids, "replaced", previous.size()));
            return new ImportResult(transactions.size(), previous.size(), ids);
        });
    }

    /** Stores transactions produced here (a deal closed won), replacing the deal's earlier ones. */
    public void replaceDealTransactions(String dealId, List<Transaction> transactions, String actor) {
        jdbi.useTransaction(handle -> replaceDealTransactions(handle, dealId, transactions, actor));
    }

    /** As {@link #replaceDealTransactions(String, List, String)}, in the caller's transaction. */
    public void replaceDealTransactions(Handle handle, String dealId, List<Transaction> transactions, String actor) {
        requirePlanCurrencies(transactions);
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
                Map.of("ids", transactions.stream().map(Transaction::id).toList()));
    }

    private void requirePlanCurrencies(List<Transaction> transactions) {
        Validation validation = new Validation();
        for (Transaction transaction : transactions) {
            for (Split split : transaction.splits()) {
                plans.on(split.username(), transaction.closeDate()).ifPresent(plan -> {
                    if (!plan.currency().getCurrencyCode().equals(transaction.currency())) {
                        validation.add("currency", split.username() + "'s plan " + plan.id() + " pays in "
                                + plan.currency().getCurrencyCode() + ", not " + transaction.currency());
                    }
                });
            }
        }
        validation.throwIfInvalid();
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
                Map.of("cancelledOn", cancelledOn.toString(), "transactions", cancelled));
        return cancelled;
    }
}
