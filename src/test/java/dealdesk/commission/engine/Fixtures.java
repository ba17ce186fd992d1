package dealdesk.commission.engine;

import dealdesk.commission.Transaction;
import dealdesk.commission.TransactionParser;
import dealdesk.commission.plan.Plan;
import dealdesk.commission.plan.PlanParser;
import dealdesk.common.Period;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Shared engine and example documents for commission tests. */
public final class Fixtures {
    /** One rule base for the whole test JVM, as in the service. */
    public static final Decider DROOLS = DroolsDecider.fromDirectory(Path.of("rules", "commission"));
    public static final CommissionEngine ENGINE = new CommissionEngine(DROOLS);
    public static final CommissionEngine JAVA_ENGINE = new CommissionEngine(new JavaDecider());
    public static final Period Q4 = Period.parse("2026-Q4");

    private Fixtures() {
    }

    public static String resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/commission/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource commission/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Plan layeredPlan() {
        return PlanParser.parse(resource("layered-plan.yaml")).withVersion(1, null);
    }

    public static Plan layeredPlan(String replace, String with) {
        return PlanParser.parse(resource("layered-plan.yaml").replace(replace, with)).withVersion(1, null);
    }

    public static List<Transaction> layeredTransactions() {
        return TransactionParser.validate(TransactionParser.fromCsv(resource("layered-transactions.csv")));
    }

    public static StatementInput input(Plan plan, String username, Period period, String quota, List<Transaction> transactions) {
        return new StatementInput(plan, username, period, quota == null ? null : Money.of(new BigDecimal(quota), plan.currency()),
                transactions, List.of(), Money.zero(plan.currency()));
    }

    public static Plan plan(String yaml) {
        return PlanParser.parse(yaml).withVersion(1, null);
    }
}
