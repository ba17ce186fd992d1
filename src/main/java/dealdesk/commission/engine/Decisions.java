package dealdesk.commission.engine;

import dealdesk.commission.engine.PlanFacts.BandFact;
import dealdesk.commission.engine.PlanFacts.SpifFact;
import dealdesk.commission.plan.Plan.AwardType;
import java.math.BigDecimal;
import java.util.List;

/**
 * What the rules decided for one user and period: result facts only, no
 * amounts. {@link StatementAssembler} turns them into rounded lines.
 */
public record Decisions(
        List<RateDecision> rates,
        List<FactorDecision> factors,
        List<BandDecision> bands,
        List<SpifProgress> spifProgress,
        List<SpifPayout> spifPayouts,
        List<SpifAward> spifAwards,
        List<ClawbackDecision> clawbacks) {

    /** The line rate of a credit before factors and tiers. */
    public record RateDecision(CreditFact credit, BigDecimal rate, String rule, String source) {
    }

    /** One multiplier or timing factor that applies to a credit. */
    public record FactorDecision(CreditFact credit, String source, String name, BigDecimal factor, String rule) {
    }

    /** A credit (or, MARGINAL, the part of it within the band) is paid in this band; band null without tiers. */
    public record BandDecision(CreditFact credit, BandFact band, boolean marginal, String rule) {
    }

    /** The period's matched units, amount and deals for a SPIF. */
    public record SpifProgress(SpifFact spif, BigDecimal units, BigDecimal amount, long matches) {

        /** From an accumulate's sums, whatever number types the rule engine chose for them. */
        public static SpifProgress of(SpifFact spif, Object units, Object amount, Object matches) {
            long count = ((Number) matches).longValue();
            return new SpifProgress(spif, count == 0 ? BigDecimal.ZERO : decimal(units),
                    count == 0 ? BigDecimal.ZERO : decimal(amount), count);
        }

        private static BigDecimal decimal(Object number) {
            return number instanceof BigDecimal decimal ? decimal : new BigDecimal(number.toString());
        }

        public BigDecimal threshold() {
            var threshold = spif.spif().threshold();
            return threshold == null ? null : threshold.units() != null ? threshold.units() : threshold.amount();
        }

        public BigDecimal progress() {
            var threshold = spif.spif().threshold();
            return threshold != null && threshold.amount() != null ? amount : units;
        }

        /** Without a threshold, any match counts as reached. */
        public boolean reached() {
            BigDecimal threshold = threshold();
            return threshold == null ? matches > 0 : progress().compareTo(threshold) >= 0;
        }

        /** Per-credit awards pay when there is no threshold, or once it is reached. */
        public boolean open() {
            return threshold() == null || reached();
        }

        public AwardType awardType() {
            return spif.awardType();
        }
    }

    /** A credit that a SPIF applies to (date window and match). */
    public record SpifMatch(SpifFact spif, CreditFact credit) {
        public String dealId() {
            return credit.dealId();
        }

        public int sequence() {
            return credit.sequence();
        }

        public BigDecimal units() {
            return credit.units();
        }

        public BigDecimal amount() {
            return credit.amount();
        }

        public AwardType awardType() {
            return spif.awardType();
        }
    }

    /** A per-credit SPIF payment (PER_UNIT, PERCENT, FLAT per deal). */
    public record SpifPayout(SpifFact spif, CreditFact credit, String rule) {
    }

    /** A once-per-period award (THRESHOLD cash, or NON_CASH listed with its value). */
    public record SpifAward(SpifProgress progress, String rule) {
    }

    /** The credit's deal was cancelled within the plan's clawback window. */
    public record ClawbackDecision(CreditFact credit, String rule) {
    }
}
