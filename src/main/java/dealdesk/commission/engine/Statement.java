package dealdesk.commission.engine;

import dealdesk.common.Money;
import java.math.BigDecimal;
import java.util.List;

/**
 * One user's commission statement for one period, in the shape of
 * GET /api/v1/statements/{username}/{period}. Amounts in lines are rounded to
 * the currency's minor unit; totals are sums of rounded lines. Every amount is
 * Money in the statement's currency (JSON: plain numbers beside {@code currency}).
 */
public record Statement(
        String username,
        String period,
        String currency,
        String status,
        String plan,
        Money quota,
        Money credited,
        BigDecimal attainment,
        List<Line> lines,
        List<AwardLine> awards,
        Totals totals,
        Progress progress,
        List<AdjustmentLine> adjustments) {

    /** As computed by the engine: finance's adjustments are laid over it when it is read. */
    public Statement(String username, String period, String currency, String status, String plan, Money quota,
                     Money credited, BigDecimal attainment, List<Line> lines, List<AwardLine> awards, Totals totals,
                     Progress progress) {
        this(username, period, currency, status, plan, quota, credited, attainment, lines, awards, totals, progress,
                List.of());
    }

    public static final String COMMISSION = "COMMISSION";
    public static final String SPIF = "SPIF";
    public static final String CLAWBACK = "CLAWBACK";
    public static final String PRIOR_PERIOD_CLAWBACK = "PRIOR_PERIOD_CLAWBACK";
    public static final String CAP = "CAP";

    /**
     * rate is the effective rate applied to baseAmount (for a PER_UNIT SPIF: baseAmount is units and rate
     * the amount per unit); amount is rounded to the currency's minor unit.
     */
    public record Line(String transactionId, String component, String band, BigDecimal baseAmount, BigDecimal rate,
                       Money amount, Trace trace) {
    }

    /** A non-cash SPIF award: listed with its value, never paid. */
    public record AwardLine(String spif, String type, String description, Money value) {
    }

    /**
     * A finance adjustment: kind MANUAL, DISPUTE or PRIOR_PERIOD; sourcePeriod names the
     * closed period a prior-period adjustment corrects.
     */
    public record AdjustmentLine(long id, String kind, Money amount, String reason, String sourcePeriod) {
    }

    /** earned: cash commission and SPIFs after the cap; payable = earned + adjustments + drawPaid - drawRecovered. */
    public record Totals(Money earned, Money adjustments, Money drawPaid, Money drawRecovered, Money payable,
                         Money drawBalance) {
    }

    /** Where the user stands: the band reached, what is left to the next, and each SPIF's progress. */
    public record Progress(String band, Money nextBandAt, Money toNextBand, List<SpifStatus> spifs) {
    }

    /** e.g. 7 of 10 units toward a trip. measure is "units" or "amount". */
    public record SpifStatus(String spif, String type, String measure, BigDecimal progress, BigDecimal threshold,
                             boolean reached, String description) {
    }

    /**
     * Why a line is what it is: the transaction and split it came from, the plan
     * version, the rules that fired, and every number between the base and the result.
     */
    public record Trace(
            Source source,
            String plan,
            List<String> rules,
            RateTrace rate,
            List<Factor> factors,
            BandTrace band,
            BigDecimal baseAmount,
            BigDecimal exact,
            Money result) {
    }

    /** The credit: transaction, deal, split percent of the basis amount, and the credited amount. */
    public record Source(String transactionId, String dealId, String username, Money basis, BigDecimal splitPercent,
                         Money credit, dealdesk.commission.Transaction.Conversion conversion) {

        public Source(String transactionId, String dealId, String username, Money basis, BigDecimal splitPercent,
                      Money credit) {
            this(transactionId, dealId, username, basis, splitPercent, credit, null);
        }

        public Source withConversion(dealdesk.commission.Transaction.Conversion newConversion) {
            return new Source(transactionId, dealId, username, basis, splitPercent, credit, newConversion);
        }
    }

    /** rate: the line rate (or SPIF award value); source: the plan path it came from. */
    public record RateTrace(BigDecimal rate, String source, BigDecimal effective) {
    }

    public record Factor(String source, String name, BigDecimal factor) {
    }

    /** The band, its plan path, its rate or multiplier, and the slice of the credit paid in it. */
    public record BandTrace(String label, String source, BigDecimal rate, BigDecimal multiplier, Money sliceFrom,
                            Money sliceTo) {
    }

    /** The statement with each line's trace naming the exchange rate its transaction was converted at. */
    public Statement withConversions(java.util.Map<String, dealdesk.commission.Transaction.Conversion> byTransaction) {
        if (byTransaction.isEmpty()) {
            return this;
        }
        List<Line> converted = new java.util.ArrayList<>(lines.size());
        for (Line line : lines) {
            var conversion = line.transactionId() == null ? null : byTransaction.get(line.transactionId());
            if (conversion == null || line.trace() == null || line.trace().source() == null) {
                converted.add(line);
                continue;
            }
            Trace trace = line.trace();
            Trace withRate = new Trace(trace.source().withConversion(conversion), trace.plan(), trace.rules(),
                    trace.rate(), trace.factors(), trace.band(), trace.baseAmount(), trace.exact(), trace.result());
            converted.add(new Line(line.transactionId(), line.component(), line.band(), line.baseAmount(), line.rate(),
                    line.amount(), withRate));
        }
        return new Statement(username, period, currency, status, plan, quota, credited, attainment, converted, awards,
                totals, progress, adjustments);
    }

    /** The statement's currency. */
    public java.util.Currency currencyUnit() {
        return Money.currency(currency);
    }

    /** Zero in the statement's currency, at its minor unit. */
    public Money zero() {
        return Money.zero(currencyUnit());
    }

    public Statement withStatus(String newStatus) {
        return new Statement(username, period, currency, newStatus, plan, quota, credited, attainment, lines, awards,
                totals, progress, adjustments);
    }

    /** The statement with finance's adjustments listed and counted in totals.adjustments and payable. */
    public Statement withAdjustments(List<AdjustmentLine> newAdjustments, Money adjustmentsTotal) {
        Money payable = totals.earned().plus(adjustmentsTotal).plus(totals.drawPaid()).minus(totals.drawRecovered());
        Totals adjusted = new Totals(totals.earned(), adjustmentsTotal, totals.drawPaid(), totals.drawRecovered(),
                payable, totals.drawBalance());
        return new Statement(username, period, currency, status, plan, quota, credited, attainment, lines, awards,
                adjusted, progress, List.copyOf(newAdjustments));
    }
}
