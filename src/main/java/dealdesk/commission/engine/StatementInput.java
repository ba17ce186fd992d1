package dealdesk.commission.engine;

import dealdesk.commission.Transaction;
import dealdesk.commission.plan.Plan;
import dealdesk.common.Period;
import dealdesk.common.Money;
import java.time.LocalDate;
import java.util.List;

/**
 * What one statement is computed from. {@code transactions} are those closed in
 * the period with the user among the splits (others are ignored);
 * {@code carriedClawbacks} reverse lines of closed periods; {@code drawBalance}
 * is the recoverable draw still owed when the period starts.
 */
public record StatementInput(
        Plan plan,
        String username,
        Period period,
        Money quota,
        List<Transaction> transactions,
        List<CarriedClawback> carriedClawbacks,
        Money drawBalance) {

    /** A credit paid in a closed period whose deal was cancelled within the window: reversed here. */
    public record CarriedClawback(String transactionId, String dealId, String paidIn, LocalDate cancelledOn,
                                  Money amountPaid) {
    }

    public StatementInput withTransactions(List<Transaction> newTransactions) {
        return new StatementInput(plan, username, period, quota, newTransactions, carriedClawbacks, drawBalance);
    }
}
