package dealdesk.rules;

import dealdesk.commission.AssignmentDao;
import dealdesk.commission.CommissionChanges;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.Handle;

/**
 * When commission rules are activated from a date, every open statement from that date on was
 * computed by other rules: it is forgotten and queued, like after any change of commission
 * inputs (closed statements never change; activation inside a closed period is refused).
 */
public final class CommissionRuleChanges implements RuleSetService.ActivationListener {
    private static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 31);

    private final CommissionChanges changes;

    public CommissionRuleChanges(CommissionChanges changes) {
        this.changes = changes;
    }

    @Override
    public void activated(Handle handle, RuleBase base, LocalDate from) {
        if (base != RuleBase.COMMISSION) {
            return;
        }
        Map<String, LocalDate> users = new TreeMap<>();
        for (String username : handle.attach(AssignmentDao.class).usersDuring(from, END_OF_TIME)) {
            users.put(username, from);
        }
        changes.lockAll(handle, users.keySet());
        changes.changed(handle, users);
    }
}
