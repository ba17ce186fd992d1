package dealdesk.commission;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dealdesk.commission.engine.Estimator;
import dealdesk.commission.engine.Estimator.Estimate;
import dealdesk.commission.engine.Statement;
import dealdesk.commission.engine.StatementInput;
import dealdesk.commission.plan.Plan;
import dealdesk.common.ApiException;
import dealdesk.common.Period;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * What hypothetical transactions would pay: the period's statement with them
 * minus without them. On the quote preview's hot path, so a period's inputs and
 * its "without" statement are kept in memory while the user's input version holds.
 */
public class EstimateService {
    private static final int MAX_CACHED_INPUTS = 200;
    private static final int MAX_CACHED_PLANS = 10_000;

    private final Jdbi jdbi;
    private final StatementService statements;
    private final PlanLookup plans;
    private final InputVersions versions;
    private final Cache<String, CachedInput> inputs = Caffeine.newBuilder().maximumSize(MAX_CACHED_INPUTS).build();
    private final Cache<String, CachedPlan> plansOn = Caffeine.newBuilder().maximumSize(MAX_CACHED_PLANS).build();

    public EstimateService(Jdbi jdbi, StatementService statements, PlanLookup plans, InputVersions versions) {
        this.jdbi = jdbi;
        this.statements = statements;
        this.plans = plans;
        this.versions = versions;
    }

    /** The user's estimate for transactions (their splits decide the user's share) closing on a date. */
    public Estimate estimate(String username, LocalDate closeDate, List<Transaction> hypothetical) {
        CachedInput cached = input(username, closeDate);
        StatementInput input = cached.input();
        List<Transaction> withDeal = new ArrayList<>(input.transactions());
        withDeal.addAll(hypothetical);
        Statement after = statements.engine().compute(input.withTransactions(withDeal));
        return Estimator.difference(input, cached.before(), after);
    }

    /** The plan a user is paid by for a deal closing on a date, kept while their input version holds. */
    public Optional<Plan> planOn(String username, LocalDate date) {
        return planOn(username, date, versions.current(username));
    }

    /** A period's inputs and the statement computed from them (the estimate's "without"). */
    private record CachedInput(long version, StatementInput input, Statement before) {
    }

    private record CachedPlan(long version, Optional<Plan> plan) {
    }

    private CachedInput input(String username, LocalDate closeDate) {
        long version = versions.current(username);
        Plan plan = planOn(username, closeDate, version).orElseThrow(() ->
                ApiException.invalid("closeDate", username + " has no plan on " + closeDate));
        Period period = Period.containing(plan.period(), closeDate);
        String key = username + "|" + period;
        CachedInput cached = inputs.getIfPresent(key);
        if (cached != null && cached.version() == version) {
            return cached;
        }
        StatementInput input = jdbi.inTransaction(handle -> statements.input(handle, username, period));
        CachedInput loaded = new CachedInput(version, input, statements.engine().compute(input));
        inputs.put(key, loaded);
        return loaded;
    }

    private Optional<Plan> planOn(String username, LocalDate date, long version) {
        String key = username + "|" + date;
        CachedPlan cached = plansOn.getIfPresent(key);
        if (cached == null || cached.version() != version) {
            cached = new CachedPlan(version, plans.on(username, date));
            plansOn.put(key, cached);
        }
        return cached.plan();
    }
}
