package dealdesk.bench;

import dealdesk.auth.PasswordHasher;
import dealdesk.auth.Role;
import dealdesk.auth.UserService;
import dealdesk.commission.BookingService;
import dealdesk.commission.CommissionServices;
import dealdesk.commission.TransactionParser;
import dealdesk.commission.api.AssignmentRequest;
import dealdesk.commission.engine.CommissionEngine;
import dealdesk.commission.engine.DroolsDecider;
import dealdesk.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Random;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports 20,000 bookings (CSV, 50 reps on one plan, one to three splits each) into a real
 * PostgreSQL, end to end as POST /api/v1/transactions does it: parse, check every field,
 * check users and plan currencies, store all or nothing, forget the affected statements.
 * Runs the import five times (the later ones send the same rows again, which stay as stored) and
 * then once with every amount changed (each row replaced), and prints each time.
 *
 * <p>Run: see BENCHMARKS.md "## Commission imports".
 */
public final class ImportBenchmark {
    private static final int REPS = 50;

    private ImportBenchmark() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Jdbi jdbi = TestDatabase.freshJdbi();
        Clock clock = Clock.systemUTC();
        UserService users = new UserService(jdbi, new PasswordHasher(4), clock, Duration.ofHours(1));
        users.create(new UserService.NewUser("manager", "Maya", Role.MANAGER, "benchmark", null));
        CommissionServices commission = CommissionServices.build(jdbi, users,
                new CommissionEngine(DroolsDecider.fromDirectory(Path.of("rules", "commission"))), clock);
        commission.plans().putPlan("bench", """
                id: bench
                effectiveFrom: 2026-01-01
                period: QUARTER
                currency: USD
                creditBasis: AMOUNT
                baseRate: 0.10
                """, "benchmark");
        for (int rep = 0; rep < REPS; rep++) {
            users.create(new UserService.NewUser("rep" + rep, "Rep " + rep, Role.REP, "benchmark", "manager"));
            commission.plans().putAssignment("bench", "rep" + rep, new AssignmentRequest("2026-01-01", null),
                    "benchmark");
        }
        String csv = csv(rows, new Random(42));
        System.out.printf("importing %,d bookings (%,d KB of CSV), %d runs%n", rows, csv.length() / 1024, runs);
        for (int run = 1; run <= runs; run++) {
            long parseStart = System.nanoTime();
            var parsed = TransactionParser.fromCsv(csv);
            long parsedAt = System.nanoTime();
            TransactionParser.validate(parsed, "rows");
            System.out.printf("  csv %,d ms, form checks %,d ms%n", (parsedAt - parseStart) / 1_000_000,
                    (System.nanoTime() - parsedAt) / 1_000_000);
            long start = System.nanoTime();
            BookingService.ImportResult result = commission.bookings()
                    .importTransactions(TransactionParser.fromCsv(csv), "rows", "IMPORT", "benchmark");
            long millis = (System.nanoTime() - start) / 1_000_000;
            System.out.printf("run %d: %,d imported, %,d replaced in %,d ms%n", run, result.imported(),
                    result.replaced(), millis);
        }
        // the same ids again with every amount changed: each booking is replaced for real
        String changed = csv(rows, new Random(42), 1);
        long start = System.nanoTime();
        BookingService.ImportResult result = commission.bookings()
                .importTransactions(TransactionParser.fromCsv(changed), "rows", "IMPORT", "benchmark");
        System.out.printf("changed amounts: %,d imported, %,d replaced in %,d ms%n", result.imported(),
                result.replaced(), (System.nanoTime() - start) / 1_000_000);
        System.exit(0);
    }

    private static String csv(int rows, Random random) {
        return csv(rows, random, 0);
    }

    /** {@code more}: added to every amount (the same ids, other amounts). */
    private static String csv(int rows, Random random, int more) {
        StringBuilder csv = new StringBuilder("id,dealId,closeDate,sku,family,units,amount,currency,industry,dealType,splits\n");
        LocalDate start = LocalDate.of(2026, 1, 1);
        for (int i = 0; i < rows; i++) {
            int first = random.nextInt(REPS);
            String splits = switch (random.nextInt(3)) {
                case 0 -> "rep" + first + ":100";
                case 1 -> "rep" + first + ":70;rep" + ((first + 1) % REPS) + ":30";
                default -> "rep" + first + ":50;rep" + ((first + 1) % REPS) + ":25;rep" + ((first + 2) % REPS) + ":25";
            };
            csv.append("CRM-").append(i).append(",D-").append(i / 3).append(',')
                    .append(start.plusDays(random.nextInt(365))).append(",SKU-").append(random.nextInt(40))
                    .append(",CORE,").append(1 + random.nextInt(20)).append(',')
                    .append(1000 + more + random.nextInt(90_000)).append('.').append(random.nextInt(100))
                    .append(",USD,RETAIL,NEW,").append(splits).append('\n');
        }
        return csv.toString();
    }
}
