package dealdesk.bench;

import dealdesk.pricing.PricingData;
import dealdesk.pricing.PricingEngine;
import dealdesk.pricing.PricingOutcome;
import dealdesk.pricing.PricingRules;
import dealdesk.pricing.RuleSource;
import dealdesk.pricing.Totals;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * In-process pricing: the Drools engine against a plain-Java loop computing
 * the same waterfall, for 1,000 and 10,000 lines with 50 and 1,000 generated
 * promotion rules. {@link #main} runs it and prints the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-XX:+UseParallelGC"})
public class PricingBenchmark {

    @Param({"1000", "10000"})
    public int lines;

    @Param({"50", "1000"})
    public int rules;

    private PricingEngine engine;
    private PricingData data;
    private Map<String, BigDecimal> promotions;

    @Setup
    public void setUp() {
        List<RuleSource> sources = new ArrayList<>(PricingRules.read(Path.of("rules/pricing")));
        sources.add(GeneratedRules.promotions(rules));
        engine = new PricingEngine(PricingRules.compile(sources));
        data = BenchQuote.data();
        promotions = new HashMap<>();
        for (int i = 0; i < rules; i++) {
            promotions.put("GEN-" + i, new BigDecimal(GeneratedRules.percent(i)));
        }
        // Both sides must compute the same figures, or the comparison means nothing.
        Totals byRules = engine.price(BenchQuote.CONTEXT, BenchQuote.lines(lines), data).totals();
        Totals byLoop = PlainWaterfall.price(BenchQuote.CONTEXT, BenchQuote.lines(lines), data, promotions);
        if (!byRules.equals(byLoop)) {
            throw new IllegalStateException("rules and loop disagree: " + byRules + " vs " + byLoop);
        }
    }

    @Benchmark
    public PricingOutcome engine() {
        return engine.price(BenchQuote.CONTEXT, BenchQuote.lines(lines), data);
    }

    @Benchmark
    public Totals plainJava() {
        return PlainWaterfall.price(BenchQuote.CONTEXT, BenchQuote.lines(lines), data, promotions);
    }

    /** Runs the benchmark and prints engine time, loop time and their ratio per case. */
    public static void main(String[] args) throws Exception {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .include(PricingBenchmark.class.getName() + "\\.")
                .build()).run();
        Map<String, Double> scores = new HashMap<>();
        for (RunResult result : results) {
            String key = result.getParams().getBenchmark().replaceAll(".*\\.", "") + "/"
                    + result.getParams().getParam("lines") + "/" + result.getParams().getParam("rules");
            scores.put(key, result.getPrimaryResult().getScore());
        }
        System.out.println();
        System.out.println("| lines | generated rules | engine ms | plain Java ms | engine / plain | engine vs 50 rules |");
        System.out.println("|------:|----------------:|----------:|--------------:|---------------:|-------------------:|");
        for (String lineCount : List.of("1000", "10000")) {
            for (String ruleCount : List.of("50", "1000")) {
                double engine = scores.getOrDefault("engine/" + lineCount + "/" + ruleCount, Double.NaN);
                double plain = scores.getOrDefault("plainJava/" + lineCount + "/" + ruleCount, Double.NaN);
                double base = scores.getOrDefault("engine/" + lineCount + "/50", Double.NaN);
                System.out.println(String.format(Locale.ROOT, "| %s | %s | %.2f | %.2f | %.1fx | %.2fx |",
                        lineCount, ruleCount, engine, plain, engine / plain, engine / base));
            }
        }
    }
}
