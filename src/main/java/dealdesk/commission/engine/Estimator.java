package dealdesk.commission.engine;

import dealdesk.commission.Transaction;
import dealdesk.commission.engine.PlanFacts.BandFact;
import dealdesk.commission.engine.Statement.AwardLine;
import dealdesk.commission.engine.Statement.Line;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An estimate is the period's statement with the hypothetical transactions
 * minus the statement without them: by construction it equals the difference
 * the deal will make when it closes in that period.
 */
public final class Estimator {
    private final CommissionEngine engine;

    public Estimator(CommissionEngine engine) {
        this.engine = engine;
    }

    /**
     * amount: earned with minus earned without; lines: what the deal adds
     * (including SPIF and cap lines it causes); replaced: lines of the current
     * statement that change (retroactive tiers re-rate earlier credits).
     */
    public record Estimate(
            String username,
            String period,
            String currency,
            Money amount,
            Money earnedBefore,
            Money earnedAfter,
            BigDecimal attainmentBefore,
            BigDecimal attainmentAfter,
            String bandBefore,
            String bandAfter,
            List<String> bandsEntered,
            List<Line> lines,
            List<Line> replaced,
            List<AwardLine> awards) {
    }

    public Estimate estimate(StatementInput current, List<Transaction> hypothetical) {
        Statement before = engine.compute(current);
        List<Transaction> withDeal = new ArrayList<>(current.transactions());
        withDeal.addAll(hypothetical);
        Statement after = engine.compute(current.withTransactions(withDeal));
        return difference(current, before, after);
    }

    public static Estimate difference(StatementInput current, Statement before, Statement after) {
        List<Line> added = subtract(after.lines(), before.lines());
        List<Line> replaced = subtract(before.lines(), after.lines());
        List<AwardLine> awards = new ArrayList<>(after.awards());
        awards.removeAll(before.awards());
        List<String> entered = new ArrayList<>();
        if (current.plan().tiers() != null && (current.quota() != null || !current.plan().needsQuota())) {
            BigDecimal quota = current.quota() == null ? null : current.quota().amount();
            for (BandFact band : CommissionEngine.bands(current.plan(), quota)) {
                if (band.lower().compareTo(before.credited().amount()) > 0
                        && band.lower().compareTo(after.credited().amount()) <= 0) {
                    entered.add(band.label());
                }
            }
        }
        return new Estimate(current.username(), current.period().toString(), after.currency(),
                after.totals().earned().minus(before.totals().earned()), before.totals().earned(),
                after.totals().earned(), before.attainment(), after.attainment(), before.progress().band(),
                after.progress().band(), entered, added, replaced, awards);
    }

    /** Lines of {@code from} with no line of the same transaction, component, band and amount in {@code other}. */
    private static List<Line> subtract(List<Line> from, List<Line> other) {
        Map<Key, Integer> remaining = new HashMap<>(other.size() * 2);
        for (Line line : other) {
            remaining.merge(Key.of(line), 1, Integer::sum);
        }
        List<Line> result = new ArrayList<>();
        for (Line line : from) {
            Key key = Key.of(line);
            Integer count = remaining.get(key);
            if (count == null) {
                result.add(line);
            } else if (count == 1) {
                remaining.remove(key);
            } else {
                remaining.put(key, count - 1);
            }
        }
        return result;
    }

    private record Key(String transactionId, String component, String band, BigDecimal amount) {
        static Key of(Line line) {
            return new Key(line.transactionId(), line.component(), line.band(),
                    line.amount().amount().stripTrailingZeros());
        }
    }
}
