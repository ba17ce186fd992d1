package dealdesk.bench;

import dealdesk.auth.PasswordHasher;
import dealdesk.auth.UserService;
import dealdesk.commission.CommissionServices;
import dealdesk.common.Period;
import dealdesk.rules.CommissionSimulator.Simulation;
import dealdesk.rules.RuleSetEngines;
import dealdesk.rules.RuleSetService;
import dealdesk.rules.WhatIfService;
import dealdesk.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import org.jdbi.v3.core.Jdbi;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The what-if of a draft plan for a quarter, end to end as the endpoint runs it: 1,000 reps on
 * the plan with 100 transactions each in 2026-Q4 (100,000 bookings) in the embedded PostgreSQL;
 * every rep's stored statement and inputs read from the database and the statement computed with
 * the draft (the same work as the quarter recompute), per user on two threads per core,
 * everything rolled back. Run: see BENCHMARKS.md "## What-if simulation".
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:+UseParallelGC"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class SimulationBenchmark {
    static final int USERS = 1000;
    static final int TRANSACTIONS = 100;

    private WhatIfService whatIf;
    private String draft;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-27T09:00:00Z"), ZoneOffset.UTC);
        Jdbi jdbi = TestDatabase.freshJdbi();
        UserService users = new UserService(jdbi, new PasswordHasher(4), clock, Duration.ofHours(8));
        RuleSetService ruleSets = new RuleSetService(jdbi, clock, Path.of("rules"));
        CommissionServices commission = CommissionServices.build(jdbi, users,
                RuleSetEngines.commissionEngine(ruleSets, clock), clock);
        String plan = Files.readString(Path.of("src/test/resources/commission/layered-plan.yaml"))
                .replace("id: ae-layered", "id: bench");
        commission.plans().putPlan("bench", plan, "bench");
        draft = plan.replace("baseRate: 0.15", "baseRate: 0.17");
        seed(jdbi);
        // as in production, the quarter's open statements are stored (the recompute jobs keep them so)
        for (int user = 1; user <= USERS; user++) {
            commission.statements().statement("rep" + user, Period.parse("2026-Q4"));
        }
        whatIf = new WhatIfService(jdbi, commission.statements(), ruleSets, clock);
    }

    /** 1,000 reps, their assignments and quotas, 100 bookings each spread over the quarter. */
    static void seed(Jdbi jdbi) {
        jdbi.useTransaction(handle -> {
            handle.execute("insert into users (username, name, role, password_hash)"
                    + " select 'rep' || g, 'Rep ' || g, 'REP', 'x' from generate_series(1, " + USERS + ") g");
            handle.execute("insert into commission_assignments (username, plan_id, valid_from, valid_to)"
                    + " select 'rep' || g, 'bench', date '2026-01-01', null from generate_series(1, " + USERS + ") g");
            handle.execute("insert into commission_quotas (username, period, amount)"
                    + " select 'rep' || g, '2026-Q4', 1600000 from generate_series(1, " + USERS + ") g");
            handle.execute("insert into commission_transactions (id, deal_id, close_date, sku, family, units, amount,"
                    + " currency, industry, deal_type, acv, tcv, cancelled_on, source, updated_at)"
                    + " select 'T' || u || '-' || t, 'D' || u || '-' || (t / 2), date '2026-10-01' + ((u * 7 + t * 13) % 92),"
                    + " (array['A','B','X','Y','Z'])[1 + (u + t) % 5], case when (u + t) % 5 = 4 then 'LEGACY' else 'CORE' end,"
                    + " 1 + (u * t) % 10, 1000 + (u * 31 + t * 17) % 40000 + ((u + t) % 100) / 100.0, 'USD',"
                    + " (array['RETAIL','HEALTHCARE','FINANCE'])[1 + (u + 2 * t) % 3], 'NEW', null, null, null, 'IMPORT', now()"
                    + " from generate_series(1, " + USERS + ") u, generate_series(1, " + TRANSACTIONS + ") t");
            handle.execute("insert into commission_splits (transaction_id, username, percent)"
                    + " select 'T' || u || '-' || t, 'rep' || u, 100"
                    + " from generate_series(1, " + USERS + ") u, generate_series(1, " + TRANSACTIONS + ") t");
            handle.execute("analyze");
        });
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public Simulation quarterWhatIf1000Users() {
        Simulation simulation = whatIf.simulatePlan("bench", "2026-Q4", draft, "bench");
        if (simulation.users().size() != USERS) {
            throw new IllegalStateException("simulated " + simulation.users().size() + " users, not " + USERS);
        }
        return simulation;
    }

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args.length > 0 ? args : new String[] {SimulationBenchmark.class.getName()});
    }
}
