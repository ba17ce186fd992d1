package dealdesk.bench;

import dealdesk.commission.Transaction;
import dealdesk.commission.Transaction.Product;
import dealdesk.commission.Transaction.Split;
import dealdesk.commission.engine.CommissionEngine;
import dealdesk.commission.engine.DroolsDecider;
import dealdesk.commission.engine.JavaDecider;
import dealdesk.commission.engine.Statement;
import dealdesk.commission.engine.StatementInput;
import dealdesk.commission.plan.Plan;
import dealdesk.commission.plan.PlanParser;
import dealdesk.common.Period;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The commission engine in-process: a quarter for 1,000 users with 100
 * transactions each (the work split per user-period over a pool of as many
 * threads as cores), one statement of 100 and one of 500 credits, each with the
 * Drools rule base and with the plain-Java twin, so their ratio comes from one run.
 *
 * <p>Run: see BENCHMARKS.md "## Commission".
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-XX:+UseParallelGC"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CommissionBenchmark {
    static final Period Q4 = Period.parse("2026-Q4");
    private static final String[] SKUS = {"A", "B", "X", "Y", "Z"};
    private static final String[] INDUSTRIES = {"RETAIL", "HEALTHCARE", "FINANCE"};

    private CommissionEngine drools;
    private CommissionEngine plainJava;
    private StatementInput hundred;
    private StatementInput fiveHundred;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        drools = new CommissionEngine(DroolsDecider.fromDirectory(Path.of("rules", "commission")));
        plainJava = new CommissionEngine(new JavaDecider());
        Random random = new Random(42);
        hundred = input(plan(), "user0", 100, random);
        fiveHundred = input(plan(), "big", 500, random);
    }

    /** The 1,000 users' inputs, only in the runs of the quarter benchmarks. */
    @State(Scope.Benchmark)
    public static class Quarter {
        List<StatementInput> inputs;
        ForkJoinPool pool;

        @Setup(Level.Trial)
        public void setUp() throws Exception {
            Plan plan = plan();
            Random random = new Random(42);
            inputs = new ArrayList<>(1000);
            for (int user = 0; user < 1000; user++) {
                inputs.add(input(plan, "user" + user, 100, random));
            }
            pool = new ForkJoinPool(Runtime.getRuntime().availableProcessors());
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            pool.shutdown();
        }
    }

    static Plan plan() throws java.io.IOException {
        return PlanParser.parse(Files.readString(Path.of("src/test/resources/commission/layered-plan.yaml")))
                .withVersion(1, null);
    }

    static StatementInput input(Plan plan, String username, int count, Random random) {
        List<Transaction> transactions = new ArrayList<>(count);
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            String sku = SKUS[random.nextInt(SKUS.length)];
            BigDecimal amount = BigDecimal.valueOf(1000 + random.nextInt(40_000), 0).add(BigDecimal.valueOf(random.nextInt(100), 2));
            total = total.add(amount);
            transactions.add(new Transaction(username + "-T" + i, username + "-D" + (i / 2),
                    LocalDate.of(2026, 10, 1).plusDays(random.nextInt(92)),
                    new Product(sku, sku.equals("Z") ? "LEGACY" : "CORE", BigDecimal.valueOf(1 + random.nextInt(10)),
                            INDUSTRIES[random.nextInt(INDUSTRIES.length)], "NEW"),
                    Money.of(amount, plan.currency()), Transaction.Values.NONE,
                    List.of(new Split(username, BigDecimal.valueOf(100))), null));
        }
        // a quota of about 80% of the bookings, so most users cross the 1.0 edge during the quarter
        BigDecimal quota = total.multiply(new BigDecimal("0.8")).setScale(0, RoundingMode.HALF_UP);
        return new StatementInput(plan, username, Q4, Money.of(quota, plan.currency()), transactions, List.of(),
                Money.zero(plan.currency()));
    }

    private static int quarter(Quarter quarter, CommissionEngine engine) throws Exception {
        return quarter.pool.submit(() -> quarter.inputs.parallelStream().map(engine::compute)
                .mapToInt(statement -> statement.lines().size()).sum()).get();
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int quarter1000UsersDrools(Quarter quarter) throws Exception {
        return quarter(quarter, drools);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @Warmup(iterations = 2)
    @Measurement(iterations = 5)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public int quarter1000UsersJava(Quarter quarter) throws Exception {
        return quarter(quarter, plainJava);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Statement statement100Drools() {
        return drools.compute(hundred);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Statement statement100Java() {
        return plainJava.compute(hundred);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Statement statement500Drools() {
        return drools.compute(fiveHundred);
    }

    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Statement statement500Java() {
        return plainJava.compute(fiveHundred);
    }

    /** Runs this benchmark; extra arguments go to JMH (e.g. {@code -f 0 -wi 1 -i 1} for a smoke run). */
    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.runner.options.CommandLineOptions options = new org.openjdk.jmh.runner.options.CommandLineOptions(args);
        OptionsBuilder builder = new OptionsBuilder();
        if (options.getIncludes().isEmpty()) {
            builder.include(CommissionBenchmark.class.getSimpleName());
        }
        new Runner(builder.parent(options).build()).run();
    }
}
