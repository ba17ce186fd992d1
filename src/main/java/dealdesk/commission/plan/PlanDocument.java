package dealdesk.commission.plan;

import dealdesk.commission.plan.Plan.AwardType;
import dealdesk.commission.plan.Plan.CreditBasis;
import dealdesk.commission.plan.Plan.TierBasis;
import dealdesk.commission.plan.Plan.TierMode;
import dealdesk.commission.plan.Plan.Window;
import dealdesk.common.Period;
import dealdesk.common.constraints.InRange;
import dealdesk.common.constraints.KnownCurrency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A plan document as written (YAML or JSON), bound by Jackson. Each field says
 * its own form with constraints; what involves several fields (bands that
 * must tile, an award's fields by its type) is checked by {@link PlanParser},
 * which then builds the {@link Plan}. Every number of a plan is a rate,
 * factor, day count or amount: far below a trillion, six decimals at most.
 */
public record PlanDocument(
        @NotNull(message = "id is required")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}",
                message = "id must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit")
        String id,
        LocalDate effectiveFrom,
        @NotNull(message = "period is required")
        Period.Type period,
        @NotNull(message = "currency is required")
        @KnownCurrency
        String currency,
        @NotNull(message = "creditBasis is required")
        CreditBasis creditBasis,
        @InRange(max = "1", maxInclusive = true, message = "baseRate" + RATE)
        BigDecimal baseRate,
        @InRange(max = InRange.TRILLION, belowMin = "targetIncentive must not be negative")
        BigDecimal targetIncentive,
        List<@NotNull(message = "each item of productRates must be an object") @Valid ProductRate> productRates,
        List<@NotNull(message = "each item of multipliers must be an object") @Valid Multiplier> multipliers,
        List<@NotNull(message = "each item of timing must be an object") @Valid Timing> timing,
        @Valid
        Tiers tiers,
        List<@NotNull(message = "each item of spifs must be an object") @Valid Spif> spifs,
        @Valid
        Cap cap,
        @Valid
        Clawback clawback,
        @Valid
        Draw draw,
        @Size(max = LONG_TEXT, message = "description is at most 10,000 characters")
        String description,
        @Size(max = LONG_TEXT, message = "name is at most 10,000 characters")
        String name) {

    static final String RATE = " is a fraction from 0 to 1 (0.15 is 15%), not {value}";
    static final String FACTOR = " must be from 0 to 10, not {value}";
    static final int TEXT = 200;
    static final int LONG_TEXT = 10_000;

    public record ProductRate(
            @NotNull(message = "match is required, with one or more of sku, family, industry, dealType") @Valid
            Match match,
            @NotNull(message = "rate is required")
            @InRange(max = "1", maxInclusive = true, message = "rate" + RATE)
            BigDecimal rate) {
    }

    public record Multiplier(
            @NotNull(message = "match is required, with one or more of sku, family, industry, dealType") @Valid
            Match match,
            @NotNull(message = "factor is required")
            @InRange(max = "10", maxInclusive = true, message = "factor" + FACTOR)
            BigDecimal factor) {
    }

    public record Timing(
            @NotNull(message = "window is required")
            Window window,
            @NotNull(message = "days is required")
            @InRange(min = "1", max = "366", maxInclusive = true, scale = 0,
                    message = "days must be a whole number from 1 to 366")
            BigDecimal days,
            @NotNull(message = "factor is required")
            @InRange(max = "10", maxInclusive = true, message = "factor" + FACTOR)
            BigDecimal factor) {
    }

    public record Tiers(
            @NotNull(message = "basis is required")
            TierBasis basis,
            @NotNull(message = "mode is required")
            TierMode mode,
            @Size(min = 1, message = "tiers need at least one band")
            List<@NotNull(message = "each item of bands must be an object") @Valid Band> bands) {
    }

    /** Half-open [from, to); exactly one of rate and multiplier (checked by the parser). */
    public record Band(
            @NotNull(message = "from is required")
            @InRange(max = InRange.TRILLION, belowMin = "from must not be negative")
            BigDecimal from,
            @InRange(max = InRange.TRILLION)
            BigDecimal to,
            @InRange(max = "1", maxInclusive = true, message = "rate" + RATE)
            BigDecimal rate,
            @InRange(max = "10", maxInclusive = true, message = "multiplier" + FACTOR)
            BigDecimal multiplier) {
    }

    public record Spif(
            @NotNull(message = "id is required")
            @Size(min = 1, max = TEXT, message = "id must be a text of 1 to 200 characters")
            String id,
            @NotNull(message = "from is required")
            LocalDate from,
            @NotNull(message = "to is required")
            LocalDate to,
            @NotNull(message = "match is required, with one or more of sku, family, industry, dealType") @Valid
            Match match,
            @Valid
            Threshold threshold,
            @NotNull(message = "award is required") @Valid
            Award award,
            @Size(max = LONG_TEXT, message = "description is at most 10,000 characters")
            String description) {
    }

    /** units or amount (not both), checked by the parser. */
    public record Threshold(
            @InRange(min = "0", minInclusive = false, max = InRange.TRILLION, belowMin = "threshold must be above 0")
            BigDecimal units,
            @InRange(min = "0", minInclusive = false, max = InRange.TRILLION, belowMin = "threshold must be above 0")
            BigDecimal amount) {
    }

    /** Which fields an award needs depends on its type; the parser checks that. */
    public record Award(
            @NotNull(message = "type is required")
            AwardType type,
            @InRange(max = InRange.TRILLION, belowMin = "amount must not be negative")
            BigDecimal amount,
            @InRange(max = "1", maxInclusive = true, message = "rate" + RATE)
            BigDecimal rate,
            @Size(min = 1, max = LONG_TEXT, message = "description must be a text of 1 to 10,000 characters")
            String description,
            @InRange(max = InRange.TRILLION, belowMin = "value must not be negative")
            BigDecimal value) {
    }

    public record Cap(
            @NotNull(message = "amount is required")
            @InRange(max = InRange.TRILLION, belowMin = "amount must not be negative")
            BigDecimal amount) {
    }

    public record Clawback(
            @NotNull(message = "windowDays is required")
            @InRange(max = "3660", maxInclusive = true, scale = 0,
                    message = "windowDays must be a whole number from 0 to 3660")
            BigDecimal windowDays) {
    }

    public record Draw(
            @NotNull(message = "amount is required")
            @InRange(max = InRange.TRILLION, belowMin = "amount must not be negative")
            BigDecimal amount,
            Boolean recoverable) {
    }
}
