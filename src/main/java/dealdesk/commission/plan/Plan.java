package dealdesk.commission.plan;

import dealdesk.common.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * A commission plan document (DESIGN.md "Plan semantics"), parsed and valid.
 * The components are data; the mechanics live in rules/commission/*.drl.
 * {@code version} is assigned by storage (0 for a document not yet stored).
 */
public record Plan(
        String id,
        int version,
        LocalDate effectiveFrom,
        Period.Type period,
        Currency currency,
        CreditBasis creditBasis,
        Rates rates,
        List<Multiplier> multipliers,
        List<TimingWindow> timing,
        Tiers tiers,
        List<Spif> spifs,
        Limits limits) {

    public enum CreditBasis { ACV, TCV, AMOUNT }

    /** baseRate, or targetIncentive (rate = targetIncentive / quota); productRates first match wins. */
    public record Rates(BigDecimal baseRate, BigDecimal targetIncentive, List<ProductRate> productRates) {
    }

    public record ProductRate(Match match, BigDecimal rate) {
    }

    public record Multiplier(Match match, BigDecimal factor) {
    }

    public enum Window { FIRST_DAYS, LAST_DAYS }

    public record TimingWindow(Window window, int days, BigDecimal factor) {
    }

    public enum TierBasis { ATTAINMENT, AMOUNT }

    public enum TierMode { MARGINAL, RETROACTIVE }

    public record Tiers(TierBasis basis, TierMode mode, List<Band> bands) {
    }

    /** Half-open [from, to); {@code to} null is open-ended. Exactly one of rate and multiplier. */
    public record Band(BigDecimal from, BigDecimal to, BigDecimal rate, BigDecimal multiplier) {
        public String label() {
            return from.stripTrailingZeros().toPlainString() + (to == null ? "+" : "-" + to.stripTrailingZeros().toPlainString());
        }
    }

    public enum AwardType { PER_UNIT, PERCENT, FLAT, THRESHOLD, NON_CASH }

    /** units or amount the period's matched credits must reach. */
    public record Threshold(BigDecimal units, BigDecimal amount) {
    }

    /** amount: PER_UNIT, FLAT, THRESHOLD; rate: PERCENT; description and value: NON_CASH. */
    public record Award(AwardType type, BigDecimal amount, BigDecimal rate, String description, BigDecimal value) {
        public boolean cash() {
            return type != AwardType.NON_CASH;
        }
    }

    public record Spif(String id, LocalDate from, LocalDate to, Match match, Threshold threshold, Award award) {
        public boolean covers(LocalDate date) {
            return !date.isBefore(from) && !date.isAfter(to);
        }
    }

    /** cap: cash commission per period; clawback window in days after close; draw per period. */
    public record Limits(BigDecimal cap, Integer clawbackWindowDays, BigDecimal draw, boolean drawRecoverable) {
        public static final Limits NONE = new Limits(null, null, null, false);
    }

    public Plan withVersion(int newVersion, LocalDate newEffectiveFrom) {
        return new Plan(id, newVersion, newEffectiveFrom, period, currency, creditBasis, rates, multipliers,
                timing, tiers, spifs, limits);
    }

    public String reference() {
        return id + "@v" + version;
    }

    /** Whether a figure of the plan depends on the user's quota. */
    public boolean needsQuota() {
        return rates.targetIncentive() != null || (tiers != null && tiers.basis() == TierBasis.ATTAINMENT);
    }
}
