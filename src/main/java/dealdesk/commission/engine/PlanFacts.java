package dealdesk.commission.engine;

import dealdesk.commission.plan.Match;
import dealdesk.commission.plan.Plan.AwardType;
import dealdesk.commission.plan.Plan.Spif;
import dealdesk.commission.plan.Plan.TierMode;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The plan's components as facts for the rule base, one per item, each
 * knowing its path in the plan document so a trace can point at it. Java
 * prepares what needs arithmetic (target incentive over quota, window dates,
 * band edges in money); the rules decide which apply.
 */
public final class PlanFacts {
    private PlanFacts() {
    }

    public record BaseRateFact(BigDecimal rate, String source) {
    }

    public record ProductRateFact(int index, Match match, BigDecimal rate, String source) {
        public boolean appliesTo(CreditFact credit) {
            return match.matches(credit.sku(), credit.family(), credit.industry(), credit.dealType());
        }
    }

    public record MultiplierFact(int index, Match match, BigDecimal factor, String source) {
        public boolean appliesTo(CreditFact credit) {
            return match.matches(credit.sku(), credit.family(), credit.industry(), credit.dealType());
        }
    }

    /** A timing window as inclusive dates within the period. */
    public record TimingFact(int index, LocalDate from, LocalDate to, BigDecimal factor, String source) {
        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    /** The period's tier mode and where its final credited amount lands on the tier axis. */
    public record TierModeFact(TierMode mode, BigDecimal finalPosition) {
    }

    /**
     * A band with its edges in money ({@code lower}, {@code upper}; upper null is
     * open). Half-open: a position exactly at {@code lower} belongs here.
     */
    public record BandFact(int index, String label, BigDecimal lower, BigDecimal upper, BigDecimal rate,
                           BigDecimal multiplier) {
        public boolean overlapsRange(BigDecimal start, BigDecimal end) {
            return lower.compareTo(end) < 0 && (upper == null || upper.compareTo(start) > 0);
        }

        public boolean coversPosition(BigDecimal position) {
            return lower.compareTo(position) <= 0 && (upper == null || position.compareTo(upper) < 0);
        }

        public String source() {
            return "tiers.bands[" + index + "]";
        }
    }

    public record SpifFact(int index, Spif spif) {
        public String id() {
            return spif.id();
        }

        public AwardType awardType() {
            return spif.award().type();
        }

        public boolean applies(CreditFact credit) {
            return spif.covers(credit.closeDate())
                    && spif.match().matches(credit.sku(), credit.family(), credit.industry(), credit.dealType());
        }

        public String source() {
            return "spifs[" + index + "]";
        }
    }

    public record ClawbackWindowFact(int days) {
    }
}
