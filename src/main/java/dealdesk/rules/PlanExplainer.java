package dealdesk.rules;

import dealdesk.commission.PlanLookup;
import dealdesk.commission.StatementService;
import dealdesk.commission.engine.Statement;
import dealdesk.commission.plan.Match;
import dealdesk.commission.plan.Plan;
import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.Period;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A rep's plan in plain words (GET /api/v1/plans/mine): what each product pays, what raises it,
 * the tiers with the amount still to sell to reach each, SPIFs with progress, cap, draw and
 * clawback, for the period that is running today. Every item carries a {@code text} a rep reads.
 */
public class PlanExplainer {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final PlanLookup plans;
    private final StatementService statements;
    private final Clock clock;

    public PlanExplainer(PlanLookup plans, StatementService statements, Clock clock) {
        this.plans = plans;
        this.statements = statements;
        this.clock = clock;
    }

    public record MyPlan(String plan, int version, LocalDate effectiveFrom, String period, String currency,
                         String creditBasis, Money quota, Money credited, BigDecimal attainment,
                         List<Item> rates, List<Item> multipliers, List<Item> timing, Tiers tiers, List<Spif> spifs,
                         Item cap, Item draw, Item clawback, List<String> summary) {
    }

    /** One plan item: its figure (a rate, factor or amount) and the sentence that explains it. */
    public record Item(String appliesTo, BigDecimal value, String text) {
    }

    public record Tiers(String basis, String mode, String currentBand, List<Band> bands, String text) {
    }

    /** amountToReach: what is still to be credited before the band starts paying (0 once reached). */
    public record Band(String band, BigDecimal from, BigDecimal to, BigDecimal rate, BigDecimal multiplier,
                       boolean reached, Money amountToReach, String text) {
    }

    public record Spif(String id, String type, LocalDate from, LocalDate to, BigDecimal progress,
                       BigDecimal threshold, boolean reached, String text) {
    }

    public MyPlan explain(String username) {
        LocalDate today = LocalDate.now(clock);
        Plan plan = plans.on(username, today).orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND,
                "you are on no commission plan today"));
        Period period = Period.containing(plan.period(), today);
        Statement statement = null;
        try {
            statement = statements.statement(username, period);
        } catch (ApiException e) {
            // no quota yet: the plan is explained without progress
        }
        String currency = plan.currency().getCurrencyCode();
        Words words = new Words(currency, plan.period());
        BigDecimal quota = statement == null || statement.quota() == null ? null : statement.quota().amount();
        BigDecimal credited = statement == null ? BigDecimal.ZERO : statement.credited().amount();
        List<Item> rates = new ArrayList<>();
        for (Plan.ProductRate rate : plan.rates().productRates()) {
            rates.add(new Item(words.match(rate.match()), rate.rate(), words.percent(rate.rate()) + " on "
                    + words.match(rate.match())));
        }
        if (plan.rates().baseRate() != null) {
            rates.add(new Item("everything else", plan.rates().baseRate(), words.percent(plan.rates().baseRate())
                    + (rates.isEmpty() ? " on everything you sell" : " on everything else")));
        } else if (plan.rates().targetIncentive() != null) {
            BigDecimal rate = quota == null || quota.signum() == 0 ? null
                    : plan.rates().targetIncentive().divide(quota, 6, RoundingMode.HALF_UP);
            rates.add(new Item("everything else", rate, "your target incentive of "
                    + words.money(plan.rates().targetIncentive()) + " over your quota"
                    + (rate == null ? "" : ": " + words.percent(rate)) + (rates.isEmpty() ? " on everything you sell"
                    : " on everything else")));
        }
        List<Item> multipliers = plan.multipliers().stream().map(m -> new Item(words.match(m.match()), m.factor(),
                words.factor(m.factor()) + " on " + words.match(m.match()))).toList();
        List<Item> timing = plan.timing().stream().map(window -> {
            LocalDate from = window.window() == Plan.Window.FIRST_DAYS ? period.start()
                    : period.end().minusDays(window.days() - 1L);
            LocalDate to = window.window() == Plan.Window.FIRST_DAYS ? period.start().plusDays(window.days() - 1L)
                    : period.end();
            return new Item(from + " to " + to, window.factor(), words.factor(window.factor()) + " on deals closed in the "
                    + (window.window() == Plan.Window.FIRST_DAYS ? "first " : "last ") + window.days() + " days of the "
                    + words.periodName() + " (" + from + " to " + to + ")");
        }).toList();
        Tiers tiers = plan.tiers() == null ? null : tiers(plan, statement, quota, credited, words);
        List<Spif> spifs = spifs(plan, statement, words);
        Plan.Limits limits = plan.limits();
        Item cap = limits.cap() == null ? null : new Item("cash commission", limits.cap(),
                "your cash commission is capped at " + words.money(limits.cap()) + " per " + words.periodName());
        Item draw = limits.draw() == null ? null : new Item("draw", limits.draw(), "if you earn less than "
                + words.money(limits.draw()) + " in a " + words.periodName() + ", you are paid " + words.money(limits.draw())
                + (limits.drawRecoverable() ? "; the difference is recovered from later earnings above it"
                : "; the difference is not recovered"));
        Item clawback = limits.clawbackWindowDays() == null ? null : new Item("cancelled deals",
                BigDecimal.valueOf(limits.clawbackWindowDays()), "if a deal is cancelled within "
                + limits.clawbackWindowDays() + " days of closing, its commission is taken back");
        List<String> summary = new ArrayList<>();
        rates.forEach(item -> summary.add(item.text()));
        multipliers.forEach(item -> summary.add(item.text()));
        timing.forEach(item -> summary.add(item.text()));
        if (tiers != null) {
            summary.add(tiers.text());
        }
        spifs.forEach(spif -> summary.add(spif.text()));
        for (Item item : new Item[] {cap, draw, clawback}) {
            if (item != null) {
                summary.add(item.text());
            }
        }
        return new MyPlan(plan.id(), plan.version(), plan.effectiveFrom(), period.toString(), currency,
                plan.creditBasis().name(), quota == null ? null : Money.of(quota, plan.currency()),
                Money.of(credited, plan.currency()), statement == null ? null : statement.attainment(), rates,
                multipliers, timing, tiers, spifs, cap, draw, clawback, summary);
    }

    private static Tiers tiers(Plan plan, Statement statement, BigDecimal quota, BigDecimal credited, Words words) {
        boolean attainment = plan.tiers().basis() == Plan.TierBasis.ATTAINMENT;
        List<Band> bands = new ArrayList<>();
        for (Plan.Band band : plan.tiers().bands()) {
            BigDecimal start = attainment ? (quota == null ? null : band.from().multiply(quota)) : band.from();
            boolean reached = start != null && credited.compareTo(start) >= 0;
            BigDecimal toReach = start == null ? null : start.subtract(credited).max(BigDecimal.ZERO);
            String where = attainment ? "from " + words.percent(band.from()) + " of quota"
                    + (band.to() == null ? "" : " to " + words.percent(band.to()))
                    : "from " + words.money(band.from()) + " credited"
                    + (band.to() == null ? "" : " to " + words.money(band.to()));
            String pays = band.rate() != null ? "pays " + words.percent(band.rate())
                    : "pays your rate " + words.times(band.multiplier());
            String progress = reached ? " (reached)" : toReach == null ? ""
                    : " (" + words.money(toReach) + " more to reach it)";
            bands.add(new Band(band.label(), band.from(), band.to(), band.rate(), band.multiplier(), reached,
                    toReach == null ? null : Money.of(toReach, plan.currency()), where + " " + pays + progress));
        }
        String mode = plan.tiers().mode() == Plan.TierMode.MARGINAL
                ? "each part of a deal is paid at the tier it falls in"
                : "every deal of the " + words.periodName() + " is paid at the tier you end the " + words.periodName() + " in";
        String current = statement == null || statement.progress() == null ? null : statement.progress().band();
        return new Tiers(plan.tiers().basis().name(), plan.tiers().mode().name(), current, bands,
                "tiers: " + mode + (current == null ? "" : "; you are in tier " + current));
    }

    private static List<Spif> spifs(Plan plan, Statement statement, Words words) {
        List<Spif> spifs = new ArrayList<>();
        for (Plan.Spif spif : plan.spifs()) {
            Optional<Statement.SpifStatus> status = statement == null || statement.progress() == null
                    ? Optional.empty()
                    : statement.progress().spifs().stream().filter(s -> s.spif().equals(spif.id())).findFirst();
            Plan.Award award = spif.award();
            String on = words.match(spif.match()) + " closed " + spif.from() + " to " + spif.to();
            String threshold = spif.threshold() == null ? ""
                    : spif.threshold().units() != null ? " once you reach " + words.number(spif.threshold().units()) + " units"
                    : " once you reach " + words.money(spif.threshold().amount());
            String text = switch (award.type()) {
                case PER_UNIT -> words.money(award.amount()) + " per unit of " + on + threshold;
                case PERCENT -> words.percent(award.rate()) + " of the amount of " + on + threshold;
                case FLAT -> words.money(award.amount()) + " per deal of " + on + threshold;
                case THRESHOLD -> words.money(award.amount()) + " for " + on + threshold;
                case NON_CASH -> award.description() + " (worth " + words.money(award.value()) + ", not paid in cash) for "
                        + on + threshold;
            };
            BigDecimal progress = status.map(Statement.SpifStatus::progress).orElse(null);
            BigDecimal target = status.map(Statement.SpifStatus::threshold).orElse(null);
            boolean reached = status.map(Statement.SpifStatus::reached).orElse(false);
            if (progress != null && target != null) {
                text += ": " + words.number(progress) + " of " + words.number(target) + (reached ? ", reached" : " so far");
            }
            spifs.add(new Spif(spif.id(), award.type().name(), spif.from(), spif.to(), progress, target, reached,
                    "SPIF " + spif.id() + ": " + text));
        }
        return spifs;
    }

    /** Figures as a rep reads them: 12%, 25,000.00 USD, +10%, x1.5. */
    private record Words(String currency, Period.Type period) {
        String percent(BigDecimal fraction) {
            return fraction == null ? "?" : plain(fraction.multiply(HUNDRED)) + "%";
        }

        String factor(BigDecimal factor) {
            int sign = factor.compareTo(BigDecimal.ONE);
            BigDecimal change = factor.subtract(BigDecimal.ONE).abs();
            return sign == 0 ? "no change" : (sign > 0 ? "pays " + percent(change) + " more"
                    : "pays " + percent(change) + " less");
        }

        String times(BigDecimal multiplier) {
            return "x" + plain(multiplier);
        }

        String money(BigDecimal amount) {
            NumberFormat format = NumberFormat.getNumberInstance(Locale.US);
            format.setMinimumFractionDigits(2);
            format.setMaximumFractionDigits(2);
            return format.format(amount) + " " + currency;
        }

        String number(BigDecimal value) {
            return NumberFormat.getNumberInstance(Locale.US).format(value);
        }

        String periodName() {
            return period.name().toLowerCase(Locale.ROOT);
        }

        String match(Match match) {
            if (match == null) {
                return "everything";
            }
            List<String> parts = new ArrayList<>();
            if (match.sku() != null) {
                parts.add("product " + match.sku());
            }
            if (match.family() != null) {
                parts.add("the " + match.family() + " family");
            }
            if (match.industry() != null) {
                parts.add("customers in " + match.industry().toLowerCase(Locale.ROOT).replace('_', ' '));
            }
            if (match.dealType() != null) {
                parts.add(match.dealType().toLowerCase(Locale.ROOT) + " deals");
            }
            return parts.isEmpty() ? "everything" : String.join(" for ", parts);
        }

        private static String plain(BigDecimal value) {
            BigDecimal stripped = value.stripTrailingZeros();
            return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
        }
    }
}
