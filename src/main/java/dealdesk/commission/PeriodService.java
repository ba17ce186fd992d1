package dealdesk.commission;

import dealdesk.common.ApiException;
import dealdesk.common.Period;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Period close (statements computed, then locked) and the queue of user-periods to recompute. */
public class PeriodService {
    private final Jdbi jdbi;
    private final StatementService statements;
    private final CommissionChanges changes;

    public PeriodService(Jdbi jdbi, StatementService statements, CommissionChanges changes) {
        this.jdbi = jdbi;
        this.statements = statements;
        this.changes = changes;
    }

    /** Closes a period: computes every assigned user's statement, then locks them. */
    public int closePeriod(Period period, String actor) {
        return jdbi.inTransaction(handle -> closePeriod(handle, period, actor));
    }

    /** Inside the caller's transaction, so closing the period and recording who closed it are one change. */
    public int closePeriod(Handle handle, Period period, String actor) {
        for (String username : handle.attach(AssignmentDao.class).usersDuring(period.start(), period.end())) {
            changes.lock(handle, username);
            changes.touched(handle, username);
            try {
                statements.statement(handle, username, period);
            } catch (ApiException e) {
                // a user paid by another period type has no statement for this one
            }
        }
        int closed = handle.attach(StatementDao.class).close(period.toString());
        CommissionAudit.record(handle, actor, "CLOSE_PERIOD", "commission_period", period.toString(),
                Map.of("status", "OPEN"), Map.of("status", "CLOSED", "statements", closed));
        return closed;
    }

    /** Claims one queued user-period (skipping those another instance holds) and recomputes it. */
    public boolean runOneJob() {
        return jdbi.inTransaction(handle -> {
            RecomputeJobDao jobs = handle.attach(RecomputeJobDao.class);
            Optional<RecomputeJobDao.Job> job = jobs.claim();
            if (job.isEmpty()) {
                return false;
            }
            try {
                statements.statement(handle, job.get().username(), Period.parse(job.get().period()));
            } catch (ApiException e) {
                // nothing to compute (no plan any more); the job is done either way
            }
            jobs.delete(job.get().username(), job.get().period());
            return true;
        });
    }

    public long pendingJobs() {
        return jdbi.withExtension(RecomputeJobDao.class, RecomputeJobDao::count);
    }
}
