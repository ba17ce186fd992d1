package dealdesk.finance;

import dealdesk.commission.CommissionServices;
import dealdesk.commission.LateChanges;
import dealdesk.commission.engine.Statement;
import dealdesk.common.ApiException;
import dealdesk.common.Money;
import dealdesk.common.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;

/**
 * Prior-period processing: when a rep's inputs change from a date on which a
 * closed statement depends (a late or re-imported booking, a cancellation, a
 * plan version, a quota), that period is computed again as it would be now and
 * the difference from what it paid (and what earlier corrections already
 * posted) becomes a PRIOR_PERIOD adjustment, naming the period, in the rep's
 * current open period. The closed statement itself never changes.
 */
public class PriorPeriods implements LateChanges {
    /** Prior-period adjustments are posted by dealdesk itself; the change that caused them is audited with its actor. */
    static final String POSTED_BY = "dealdesk";

    private final CommissionServices commission;
    private final AdjustmentService adjustments;

    public PriorPeriods(CommissionServices commission, AdjustmentService adjustments) {
        this.commission = commission;
        this.adjustments = adjustments;
    }

    @Override
    public void changed(Handle handle, String username, LocalDate from) {
        List<String> closed = handle.createQuery("select period from commission_statements where username = :username"
                        + " and status <> 'OPEN' and period_end >= :from order by period_start")
                .bind("username", username).bind("from", from).mapTo(String.class).list();
        for (String periodText : closed) {
            reconcile(handle, username, Period.parse(periodText));
        }
    }

    private void reconcile(Handle handle, String username, Period period) {
        Statement paid = commission.statements().statement(handle, username, period);
        Statement now;
        try {
            now = commission.statements().engine().compute(commission.statements().input(handle, username, period));
        } catch (ApiException e) {
            return; // the period cannot be computed any more (no plan or quota): nothing to compare
        }
        Currency currency = Currency.getInstance(paid.currency());
        Money corrected = Money.of(handle.attach(AdjustmentDao.class).postedFor(username, period.toString()), currency);
        Money before = paid.totals().earned().plus(corrected);
        Money difference = now.totals().earned().minus(before).rounded();
        if (difference.isZero()) {
            return;
        }
        StatementWhy why = new StatementWhy(currency);
        String reason = "Recalculated " + period + " after it closed" + changes(paid, now) + ": it earns "
                + why.money(now.totals().earned()) + " now instead of " + why.money(before);
        Period target = adjustments.currentOpenPeriod(handle, username, period);
        adjustments.post(handle, username, target, AdjustmentKind.PRIOR_PERIOD, difference.amount(), reason, period.toString(),
                null, POSTED_BY);
    }

    /** " (added T5; removed T1)": the transactions the recomputation gained or lost. */
    private static String changes(Statement paid, Statement now) {
        Set<String> before = transactions(paid);
        Set<String> after = transactions(now);
        List<String> parts = new ArrayList<>();
        Set<String> added = new LinkedHashSet<>(after);
        added.removeAll(before);
        Set<String> removed = new LinkedHashSet<>(before);
        removed.removeAll(after);
        if (!added.isEmpty()) {
            parts.add("added " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + String.join(", ", removed));
        }
        return parts.isEmpty() ? "" : " (" + String.join("; ", parts) + ")";
    }

    private static Set<String> transactions(Statement statement) {
        Set<String> ids = new LinkedHashSet<>();
        for (Statement.Line line : statement.lines()) {
            if (line.transactionId() != null) {
                ids.add(line.transactionId());
            }
        }
        return ids;
    }
}
