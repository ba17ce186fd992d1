package dealdesk.commission;

import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes queued user-periods in the background. Any instance may run it:
 * jobs are claimed with SELECT ... FOR UPDATE SKIP LOCKED, so no user-period is
 * computed twice at once and a crashed instance's job returns to the queue.
 */
public class RecomputeJobs implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(RecomputeJobs.class);

    private final PeriodService periods;
    private final int workers;
    private ScheduledExecutorService executor;

    public RecomputeJobs(PeriodService periods, int workers) {
        this.periods = periods;
        this.workers = workers;
    }

    @Override
    public void start() {
        executor = Executors.newScheduledThreadPool(workers, runnable -> {
            Thread thread = new Thread(runnable, "commission-recompute");
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < workers; i++) {
            executor.scheduleWithFixedDelay(this::drain, 1, 1, TimeUnit.SECONDS);
        }
    }

    /** Runs queued jobs until none is left to claim. */
    public void drain() {
        try {
            while (periods.runOneJob()) {
                // keep going
            }
        } catch (RuntimeException e) {
            LOG.warn("commission recompute job failed; it stays queued", e);
        }
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
