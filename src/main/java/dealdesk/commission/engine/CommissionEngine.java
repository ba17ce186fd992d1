package dealdesk.commission.engine;

import dealdesk.commission.Transaction;
import dealdesk.commission.Transaction.Split;
import dealdesk.commission.engine.Decisions.BandDecision;
import dealdesk.commission.engine.Decisions.ClawbackDecision;
import dealdesk.commission.engine.Decisions.FactorDecision;
import dealdesk.commission.engine.Decisions.RateDecision;
import dealdesk.commission.engine.Decisions.SpifAward;
import dealdesk.commission.engine.Decisions.SpifPayout;
import dealdesk.commission.engine.Decisions.SpifProgress;
import dealdesk.commission.engine.PlanFacts.BandFact;
import dealdesk.commission.engine.PlanFacts.BaseRateFact;
import dealdesk.commission.engine.PlanFacts.ClawbackWindowFact;
import dealdesk.commission.engine.PlanFacts.MultiplierFact;
import dealdesk.commission.engine.PlanFacts.ProductRateFact;
import dealdesk.commission.engine.PlanFacts.SpifFact;
import dealdesk.commission.engine.PlanFacts.TierModeFact;
import dealdesk.commission.engine.PlanFacts.TimingFact;
import dealdesk.commission.engine.Statement.AwardLine;
import dealdesk.commission.engine.Statement.BandTrace;
import dealdesk.commission.engine.Statement.Factor;
import dealdesk.commission.engine.Statement.Line;
import dealdesk.commission.engine.Statement.Progress;
import dealdesk.commission.engine.Statement.RateTrace;
import dealdesk.commission.engine.Statement.Source;
import dealdesk.commission.engine.Statement.SpifStatus;
import dealdesk.commission.engine.Statement.Totals;
import dealdesk.commission.engine.Statement.Trace;
import dealdesk.commission.engine.StatementInput.CarriedClawback;
import dealdesk.commission.plan.Plan;
import dealdesk.commission.plan.Plan.AwardType;
import dealdesk.commission.plan.Plan.Band;
import dealdesk.commission.plan.Plan.Spif;
import dealdesk.commission.plan.Plan.TierBasis;
import dealdesk.commission.plan.Plan.TimingWindow;
import dealdesk.commission.plan.Plan.Window;
import dealdesk.common.ApiException;
import dealdesk.common.Money;
import dealdesk.common.Period;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Computes a statement: Java loads the facts (credits in order, plan items with
 * their money edges), the {@link Decider} decides what applies, and Java does
 * the arithmetic: each line rounded with {@link Money#rounded}, totals summed
 * from rounded lines, then cap, carried clawbacks and the draw.
 */
public final class CommissionEngine {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int ATTAINMENT_SCALE = 6;

    private final Decider decider;
    /** The decider of the rules in force for a period (rule sets are activated from a date). */
    private final java.util.function.Function<Period, Decider> deciders;

    public CommissionEngine(Decider decider) {
        this(decider, period -> decider);
    }

    /** {@code decider}: the rules in force now (for health checks); {@code deciders}: per period. */
    public CommissionEngine(Decider decider, java.util.function.Function<Period, Decider> deciders) {
        this.decider = decider;
        this.deciders = deciders;
    }

    public Decider decider() {
        return decider;
    }

    public Statement compute(StatementInput input) {
        Plan plan = input.plan();
        Period period = input.period();
        if (period.type() != plan.period()) {
            throw ApiException.invalid("period", "plan " + plan.id() + " pays by " + plan.period() + "; ask for "
                    + Period.containing(plan.period(), period.start()));
        }
        if (plan.needsQuota() && (input.quota() == null || input.quota().amount().signum() <= 0)) {
            throw ApiException.invalid("quota", "no quota for " + input.username() + " in " + period
                    + "; plan " + plan.id() + " needs one");
        }
        List<CreditFact> credits = credits(plan, input.username(), period, input.transactions());
        BigDecimal credited = credits.isEmpty() ? BigDecimal.ZERO : credits.get(credits.size() - 1).end();
        EngineFacts facts = facts(plan, period, input.quota() == null ? null : input.quota().amount(), credits,
                credited);
        Decisions decisions = deciders.apply(period).decide(facts);
        java.util.Map<String, Transaction.Conversion> conversions = new java.util.HashMap<>();
        for (Transaction transaction : input.transactions()) {
            if (transaction.conversion() != null) {
                conversions.put(transaction.id(), transaction.conversion());
            }
        }
        return assemble(input, facts, decisions, credited).withConversions(conversions);
    }

    // ---- facts ---------------------------------------------------------------

    /** The user's credits, ordered by close date then transaction id, placed on the tier axis. */
    static List<CreditFact> credits(Plan plan, String username, Period period, List<Transaction> transactions) {
        List<Transaction> closed = new ArrayList<>();
        for (Transaction transaction : transactions) {
            if (period.contains(transaction.closeDate())) {
                closed.add(transaction);
            }
        }
        closed.sort(Comparator.comparing(Transaction::closeDate).thenComparing(Transaction::id));
        List<CreditFact> credits = new ArrayList<>(closed.size());
        BigDecimal position = BigDecimal.ZERO;
        for (Transaction transaction : closed) {
            for (Split split : transaction.splits()) {
                if (!split.username().equals(username)) {
                    continue;
                }
                BigDecimal basis = inPlanCurrency(plan, basis(plan, transaction)).amount();
                BigDecimal share = split.percent().divide(HUNDRED);
                BigDecimal amount = basis.multiply(share);
                BigDecimal units = transaction.product().units() == null ? BigDecimal.ZERO
                        : transaction.product().units().multiply(share);
                BigDecimal end = position.add(amount);
                credits.add(new CreditFact(credits.size(), transaction.id(), transaction.dealId(),
                        transaction.closeDate(),
                        new CreditFact.Attributes(transaction.product().sku(), transaction.product().family(),
                                transaction.product().industry(), transaction.product().dealType()),
                        basis, split.percent(), amount, units, position, end, transaction.cancelledOn()));
                position = end;
            }
        }
        return credits;
    }

    /** The credit basis: ACV or TCV of a deal closed here, else the booking's amount. */
    public static Money basis(Plan plan, Transaction transaction) {
        Transaction.Values values = transaction.values() == null ? Transaction.Values.NONE : transaction.values();
        return switch (plan.creditBasis()) {
            case ACV -> values.acv() != null ? values.acv() : transaction.amount();
            case TCV -> values.tcv() != null ? values.tcv() : transaction.amount();
            case AMOUNT -> transaction.amount();
        };
    }

    /** Mixing currencies fails loudly: every booking counts in the plan's currency (converted when booked). */
    private static Money inPlanCurrency(Plan plan, Money amount) {
        if (!amount.currency().equals(plan.currency())) {
            throw new IllegalArgumentException("cannot mix " + amount.currency() + " and " + plan.currency()
                    + ": plan " + plan.id() + " pays in " + plan.currency());
        }
        return amount;
    }

    private static EngineFacts facts(Plan plan, Period period, BigDecimal quota, List<CreditFact> credits,
                                     BigDecimal credited) {
        // a rate table (every band gives its rate) needs no base rate: the band's rate replaces the line's
        BaseRateFact baseRate = plan.rates().baseRate() != null
                ? new BaseRateFact(plan.rates().baseRate(), "baseRate")
                : plan.rates().targetIncentive() != null
                ? new BaseRateFact(plan.rates().targetIncentive().divide(quota, Money.DIVISION), "targetIncentive / quota")
                : new BaseRateFact(BigDecimal.ZERO, "tiers.bands (each band gives the rate)");
        List<ProductRateFact> productRates = new ArrayList<>();
        for (int i = 0; i < plan.rates().productRates().size(); i++) {
            Plan.ProductRate productRate = plan.rates().productRates().get(i);
            productRates.add(new ProductRateFact(i, productRate.match(), productRate.rate(), "productRates[" + i + "]"));
        }
        List<MultiplierFact> multipliers = new ArrayList<>();
        for (int i = 0; i < plan.multipliers().size(); i++) {
            Plan.Multiplier multiplier = plan.multipliers().get(i);
            multipliers.add(new MultiplierFact(i, multiplier.match(), multiplier.factor(), "multipliers[" + i + "]"));
        }
        List<TimingFact> timing = new ArrayList<>();
        for (int i = 0; i < plan.timing().size(); i++) {
            TimingWindow window = plan.timing().get(i);
            LocalDate from = window.window() == Window.FIRST_DAYS ? period.start() : period.end().minusDays(window.days() - 1L);
            LocalDate to = window.window() == Window.FIRST_DAYS ? period.start().plusDays(window.days() - 1L) : period.end();
            timing.add(new TimingFact(i, from, to, window.factor(), "timing[" + i + "] " + window.window() + " " + window.days()));
        }
        TierModeFact tierMode = null;
        List<BandFact> bands = new ArrayList<>();
        if (plan.tiers() != null) {
            tierMode = new TierModeFact(plan.tiers().mode(), credited);
            bands = bands(plan, quota);
        }
        List<SpifFact> spifs = new ArrayList<>();
        for (int i = 0; i < plan.spifs().size(); i++) {
            spifs.add(new SpifFact(i, plan.spifs().get(i)));
        }
        ClawbackWindowFact clawback = plan.limits().clawbackWindowDays() == null ? null
                : new ClawbackWindowFact(plan.limits().clawbackWindowDays());
        return new EngineFacts(credits, baseRate, productRates, multipliers, timing, tierMode, bands, spifs, clawback);
    }

    /** Band edges in money: attainment edges times the quota, or amounts as they are. */
    public static List<BandFact> bands(Plan plan, BigDecimal quota) {
        List<BandFact> bands = new ArrayList<>();
        boolean attainment = plan.tiers().basis() == TierBasis.ATTAINMENT;
        for (int i = 0; i < plan.tiers().bands().size(); i++) {
            Band band = plan.tiers().bands().get(i);
            BigDecimal lower = attainment ? band.from().multiply(quota) : band.from();
            BigDecimal upper = band.to() == null ? null : attainment ? band.to().multiply(quota) : band.to();
            bands.add(new BandFact(i, band.label(), lower, upper, band.rate(), band.multiplier()));
        }
        return bands;
    }

    // ---- arithmetic ------------------------------------------------------------

    private static Statement assemble(StatementInput input, EngineFacts facts, Decisions decisions, BigDecimal credited) {
        Plan plan = input.plan();
        var currency = plan.currency();
        String planReference = plan.reference();
        Map<CreditFact, RateDecision> rates = new IdentityHashMap<>();
        for (RateDecision rate : decisions.rates()) {
            rates.put(rate.credit(), rate);
        }
        Map<CreditFact, List<FactorDecision>> factors = new IdentityHashMap<>();
        for (FactorDecision factor : decisions.factors()) {
            factors.computeIfAbsent(factor.credit(), key -> new ArrayList<>()).add(factor);
        }
        Map<CreditFact, List<BandDecision>> bands = new IdentityHashMap<>();
        for (BandDecision band : decisions.bands()) {
            bands.computeIfAbsent(band.credit(), key -> new ArrayList<>()).add(band);
        }
        Map<CreditFact, List<SpifPayout>> payouts = new IdentityHashMap<>();
        for (SpifPayout payout : decisions.spifPayouts()) {
            payouts.computeIfAbsent(payout.credit(), key -> new ArrayList<>()).add(payout);
        }
        Map<CreditFact, ClawbackDecision> clawbacks = new IdentityHashMap<>();
        for (ClawbackDecision clawback : decisions.clawbacks()) {
            clawbacks.put(clawback.credit(), clawback);
        }

        List<Line> lines = new ArrayList<>();
        for (CreditFact credit : facts.credits()) {
            List<Line> creditLines = new ArrayList<>();
            Source source = new Source(credit.transactionId(), credit.dealId(), input.username(),
                    Money.of(credit.basis(), currency), credit.percent(), Money.of(credit.amount(), currency));
            RateDecision rate = rates.get(credit);
            if (rate == null) {
                throw new IllegalStateException("no rate decided for " + credit.transactionId());
            }
            List<FactorDecision> creditFactors = new ArrayList<>(factors.getOrDefault(credit, List.of()));
            creditFactors.sort(Comparator.comparing(FactorDecision::source));
            BigDecimal factorProduct = BigDecimal.ONE;
            List<Factor> factorTrace = new ArrayList<>();
            for (FactorDecision factor : creditFactors) {
                factorProduct = factorProduct.multiply(factor.factor());
                factorTrace.add(new Factor(factor.source(), factor.name(), factor.factor()));
            }
            List<BandDecision> creditBands = new ArrayList<>(bands.getOrDefault(credit, List.of()));
            creditBands.sort(Comparator.comparingInt(band -> band.band() == null ? -1 : band.band().index()));
            for (BandDecision decision : creditBands) {
                BandFact band = decision.band();
                BigDecimal sliceFrom = credit.start();
                BigDecimal sliceTo = credit.end();
                if (decision.marginal()) {
                    sliceFrom = sliceFrom.max(band.lower());
                    sliceTo = band.upper() == null ? sliceTo : sliceTo.min(band.upper());
                }
                BigDecimal base = sliceTo.subtract(sliceFrom);
                BigDecimal effective;
                if (band == null) {
                    effective = rate.rate().multiply(factorProduct);
                } else if (band.rate() != null) {
                    effective = band.rate().multiply(factorProduct);
                } else {
                    effective = rate.rate().multiply(factorProduct).multiply(band.multiplier());
                }
                BigDecimal exact = base.multiply(effective);
                Money amount = Money.of(exact, currency).rounded();
                List<String> rules = new ArrayList<>(List.of(rate.rule()));
                creditFactors.forEach(factor -> rules.add(factor.rule()));
                rules.add(decision.rule());
                BandTrace bandTrace = band == null ? null : new BandTrace(band.label(), band.source(), band.rate(),
                        band.multiplier(), Money.of(sliceFrom, currency), Money.of(sliceTo, currency));
                Trace trace = new Trace(source, planReference, rules,
                        new RateTrace(rate.rate(), rate.source(), effective), factorTrace, bandTrace, base, exact, amount);
                creditLines.add(new Line(credit.transactionId(), Statement.COMMISSION, band == null ? null : band.label(),
                        base, effective, amount, trace));
            }
            List<SpifPayout> creditPayouts = new ArrayList<>(payouts.getOrDefault(credit, List.of()));
            creditPayouts.sort(Comparator.comparingInt(payout -> payout.spif().index()));
            for (SpifPayout payout : creditPayouts) {
                creditLines.add(spifLine(plan, source, credit, payout));
            }
            ClawbackDecision clawback = clawbacks.get(credit);
            if (clawback != null) {
                Money paid = sum(creditLines, currency);
                Trace trace = new Trace(source, planReference, List.of(clawback.rule()),
                        null, List.of(), null, paid.amount(), paid.negate().amount(), paid.negate());
                creditLines.add(new Line(credit.transactionId(), Statement.CLAWBACK, null, paid.amount(),
                        BigDecimal.ONE.negate(), paid.negate(), trace));
            }
            lines.addAll(creditLines);
        }

        List<SpifAward> awards = new ArrayList<>(decisions.spifAwards());
        awards.sort(Comparator.comparingInt(award -> award.progress().spif().index()));
        List<AwardLine> awardLines = new ArrayList<>();
        for (SpifAward award : awards) {
            Spif spif = award.progress().spif().spif();
            if (spif.award().type() == AwardType.NON_CASH) {
                awardLines.add(new AwardLine(spif.id(), spif.award().type().name(), spif.award().description(),
                        spif.award().value() == null ? null : Money.of(spif.award().value(), currency)));
            } else {
                Money amount = Money.of(spif.award().amount(), currency).rounded();
                Trace trace = new Trace(null, planReference, List.of("spif: progress", award.rule()),
                        new RateTrace(spif.award().amount(), award.progress().spif().source() + ".award", null), List.of(),
                        null, award.progress().progress(), spif.award().amount(), amount);
                lines.add(new Line(null, Statement.SPIF, spif.id(), award.progress().progress(), null, amount, trace));
            }
        }

        Money cash = sum(lines, currency);
        if (plan.limits().cap() != null && cash.amount().compareTo(plan.limits().cap()) > 0) {
            Money reduction = Money.of(plan.limits().cap(), currency).minus(cash).rounded();
            Trace trace = new Trace(null, planReference, List.of("cap"), new RateTrace(null, "cap.amount", null),
                    List.of(), null, cash.amount(), reduction.amount(), reduction);
            lines.add(new Line(null, Statement.CAP, null, cash.amount(), null, reduction, trace));
        }
        Money earned = sum(lines, currency);

        Money adjustments = Money.zero(currency);
        for (CarriedClawback carried : input.carriedClawbacks()) {
            Money paid = carried.amountPaid();
            Money amount = paid.negate().rounded();
            Source source = new Source(carried.transactionId(), carried.dealId(), input.username(), null, null, null);
            Trace trace = new Trace(source, planReference, List.of("clawback: cancelled within window"),
                    new RateTrace(null, "paid in " + carried.paidIn() + ", cancelled " + carried.cancelledOn(), null),
                    List.of(), null, paid.amount(), amount.amount(), amount);
            lines.add(new Line(carried.transactionId(), Statement.PRIOR_PERIOD_CLAWBACK, null, paid.amount(),
                    BigDecimal.ONE.negate(), amount, trace));
            adjustments = adjustments.plus(amount);
        }

        Money zero = Money.zero(currency);
        Money drawPaid = zero;
        Money drawRecovered = zero;
        Money balance = input.drawBalance() == null ? zero : zero.plus(input.drawBalance()).rounded();
        if (plan.limits().draw() != null) {
            Money draw = Money.of(plan.limits().draw(), currency).rounded();
            if (earned.compareTo(draw) < 0) {
                drawPaid = draw.minus(earned);
                if (plan.limits().drawRecoverable()) {
                    balance = balance.plus(drawPaid);
                }
            } else if (balance.amount().signum() > 0) {
                drawRecovered = balance.min(earned.minus(draw));
                balance = balance.minus(drawRecovered);
            }
        }
        Money payable = earned.plus(adjustments).plus(drawPaid).minus(drawRecovered);
        Totals totals = new Totals(earned, adjustments, drawPaid, drawRecovered, payable, balance);

        BigDecimal attainment = input.quota() == null || input.quota().amount().signum() <= 0 ? null
                : credited.divide(input.quota().amount(), ATTAINMENT_SCALE, RoundingMode.HALF_UP);
        return new Statement(input.username(), input.period().toString(), currency.getCurrencyCode(), "OPEN",
                planReference, input.quota(), Money.of(plain(credited), currency),
                attainment == null ? null : plain(attainment), lines, awardLines, totals,
                progress(facts, decisions, credited, currency));
    }

    private static Line spifLine(Plan plan, Source source, CreditFact credit, SpifPayout payout) {
        Spif spif = payout.spif().spif();
        BigDecimal base;
        BigDecimal rate;
        BigDecimal exact;
        switch (spif.award().type()) {
            case PER_UNIT -> {
                base = credit.units();
                rate = spif.award().amount();
                exact = base.multiply(rate);
            }
            case PERCENT -> {
                base = credit.amount();
                rate = spif.award().rate();
                exact = base.multiply(rate);
            }
            default -> {
                // FLAT per deal: the split user's share of the flat amount
                base = spif.award().amount();
                rate = credit.percent().divide(HUNDRED);
                exact = base.multiply(rate);
            }
        }
        Money amount = Money.of(exact, plan.currency()).rounded();
        Trace trace = new Trace(source, plan.reference(), List.of("spif: match", payout.rule()),
                new RateTrace(rate, payout.spif().source() + ".award", rate), List.of(), null, base, exact, amount);
        return new Line(credit.transactionId(), Statement.SPIF, spif.id(), base, rate, amount, trace);
    }

    private static Progress progress(EngineFacts facts, Decisions decisions, BigDecimal credited,
                                     java.util.Currency currency) {
        String band = null;
        Money nextAt = null;
        Money toNext = null;
        for (BandFact candidate : facts.bands()) {
            if (candidate.coversPosition(credited)) {
                band = candidate.label();
                nextAt = candidate.upper() == null ? null : Money.of(plain(candidate.upper()), currency);
                toNext = candidate.upper() == null ? null
                        : Money.of(plain(candidate.upper().subtract(credited)), currency);
            }
        }
        List<SpifProgress> progress = new ArrayList<>(decisions.spifProgress());
        progress.sort(Comparator.comparingInt(item -> item.spif().index()));
        List<SpifStatus> spifs = new ArrayList<>();
        for (SpifProgress item : progress) {
            Spif spif = item.spif().spif();
            boolean byAmount = spif.threshold() != null && spif.threshold().amount() != null;
            spifs.add(new SpifStatus(spif.id(), spif.award().type().name(), byAmount ? "amount" : "units",
                    plain(item.progress()), item.threshold(), item.reached(), spif.award().description()));
        }
        return new Progress(band, nextAt, toNext, spifs);
    }

    /** 388049.000000 reads as 388049: credits keep every digit the split percent gives them. */
    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static Money sum(List<Line> lines, java.util.Currency currency) {
        Money total = Money.zero(currency);
        for (Line line : lines) {
            total = total.plus(line.amount());
        }
        return total;
    }
}
