package dealdesk.rules;

import dealdesk.commission.StatementService;
import dealdesk.commission.engine.CommissionEngine;
import dealdesk.commission.engine.Statement;
import dealdesk.commission.engine.StatementInput;
import dealdesk.common.ApiException;
import dealdesk.common.Period;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * A what-if: each user's statement for a period as it stands (stored, or computed from the
 * stored inputs) and as a change (a draft plan, or draft rules) would compute it from the same
 * inputs, compared on earnings. The work is split per user over one thread per core, each on its own connection
 * in a transaction that is rolled back: a simulation stores nothing.
 */
public final class CommissionSimulator {
    private final Jdbi jdbi;
    private final StatementService statements;
    private final int threads;

    /** A user's earnings as things are and as simulated; difference is null when a draft plan pays in another currency. */
    public record UserResult(String username, String currency, Money current, Money simulated, Money difference) {
    }

    /** The sums over every user, as plain amounts (a company's reps may be paid in several currencies). */
    public record Total(BigDecimal current, BigDecimal simulated, BigDecimal difference) {
    }

    public record Simulation(String period, List<UserResult> users, Total total) {
    }

    /** What changes in the simulated run: the engine (draft rules) and the input (a draft plan). */
    public record Change(CommissionEngine engine, UnaryOperator<StatementInput> input) {
    }

    public CommissionSimulator(Jdbi jdbi, StatementService statements) {
        // two per core: while one waits for the database, the other computes
        this(jdbi, statements, Math.min(8, 2 * Runtime.getRuntime().availableProcessors()));
    }

    public CommissionSimulator(Jdbi jdbi, StatementService statements, int threads) {
        this.jdbi = jdbi;
        this.statements = statements;
        this.threads = threads;
    }

    /**
     * Users without a statement for the period (no plan, or a plan paying by another period) are
     * left out. For a closed period, "current" is what the closed statement paid.
     */
    public Simulation run(Period period, List<String> usernames, Change change) {
        List<List<String>> slices = new ArrayList<>();
        int size = Math.max(1, (usernames.size() + threads - 1) / threads);
        for (int i = 0; i < usernames.size(); i += size) {
            slices.add(usernames.subList(i, Math.min(usernames.size(), i + size)));
        }
        List<UserResult> results = new ArrayList<>();
        if (slices.size() <= 1) {
            slices.forEach(slice -> results.addAll(slice(period, slice, change)));
        } else {
            ExecutorService pool = Executors.newFixedThreadPool(slices.size());
            try {
                List<Future<List<UserResult>>> futures = new ArrayList<>();
                for (List<String> slice : slices) {
                    futures.add(pool.submit(() -> slice(period, slice, change)));
                }
                for (Future<List<UserResult>> future : futures) {
                    results.addAll(future.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("simulation interrupted", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException runtime) {
                    throw runtime;
                }
                throw new IllegalStateException(e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        results.sort(Comparator.comparing(UserResult::username));
        BigDecimal current = BigDecimal.ZERO;
        BigDecimal simulated = BigDecimal.ZERO;
        for (UserResult result : results) {
            current = current.add(result.current().amount());
            simulated = simulated.add(result.simulated().amount());
        }
        return new Simulation(period.toString(), List.copyOf(results),
                new Total(current, simulated, simulated.subtract(current)));
    }

    private List<UserResult> slice(Period period, List<String> usernames, Change change) {
        return jdbi.withHandle(handle -> {
            handle.begin();
            try {
                List<UserResult> results = new ArrayList<>();
                for (String username : usernames) {
                    user(handle, username, period, change).ifPresent(results::add);
                }
                return results;
            } finally {
                handle.rollback();
            }
        });
    }

    private Optional<UserResult> user(Handle handle, String username, Period period, Change change) {
        StatementInput input;
        try {
            input = statements.input(handle, username, period);
        } catch (ApiException e) {
            return Optional.empty();
        }
        // as things are: the stored statement (an open one is current by construction), else computed now
        Money before = handle.attach(PlanChangeDao.class).storedEarned(username, period.toString())
                .map(earned -> Money.of(earned, input.plan().currency()))
                .orElseGet(() -> statements.statement(handle, username, period).totals().earned());
        Statement simulated = change.engine().compute(change.input().apply(input));
        Money after = simulated.totals().earned();
        Money difference = after.currency().equals(before.currency()) ? after.minus(before) : null;
        return Optional.of(new UserResult(username, simulated.currency(), before, after, difference));
    }
}
