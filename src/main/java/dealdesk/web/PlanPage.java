package dealdesk.web;

import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.commission.CommissionServices;
import dealdesk.commission.engine.Statement;
import dealdesk.commission.plan.Match;
import dealdesk.commission.plan.Plan;
import dealdesk.common.ApiException;
import dealdesk.common.Period;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code /plan}: the rep's plan in plain words (rates, multipliers, timing, tiers with what is still needed to
 * reach each, SPIFs and their progress, cap, draw, clawback), read from the plan in force today.
 */
@Path("/plan")
@Produces(MediaType.TEXT_HTML)
public class PlanPage {
    private final Session session;
    private final UserService users;
    private final CommissionServices commission;
    private final Clock clock;

    public PlanPage(UserService users, CommissionServices commission, Clock clock) {
        this.session = new Session(users);
        this.users = users;
        this.commission = commission;
        this.clock = clock;
    }

    @GET
    public Response plan(@CookieParam(SessionCookie.NAME) String token, @QueryParam("user") String username) {
        Optional<User> user = session.user(token);
        if (user.isEmpty()) {
            return Session.toSignIn("/plan");
        }
        User viewer = user.get();
        String subject = username == null || username.isBlank() ? viewer.username() : username.strip();
        if (!users.canSeeMoneyOf(viewer, subject) || users.find(subject).isEmpty()) {
            return PageResource.page(404, new ErrorView(viewer, 404, "No plan of " + subject + " for you to see."));
        }
        String name = users.find(subject).map(User::name).orElse(subject);
        LocalDate today = LocalDate.now(clock);
        Optional<Plan> found = commission.planLookup().on(subject, today);
        if (found.isEmpty()) {
            return PageResource.page(200, new PlanView(viewer, name, null, List.of()));
        }
        Plan plan = found.get();
        Period period = Period.containing(plan.period(), today);
        Statement statement = null;
        try {
            statement = commission.statements().statement(subject, period);
        } catch (ApiException e) {
            // no quota or statement yet: the plan still reads, without the amounts still needed
        }
        return PageResource.page(200, new PlanView(viewer, name, plan.id() + " · version " + plan.version()
                + " · " + period, sections(plan, statement)));
    }

    private static List<PlanView.Section> sections(Plan plan, Statement statement) {
        String currency = plan.currency().getCurrencyCode();
        String periodWord = plan.period().name().toLowerCase(Locale.ROOT);
        List<PlanView.Section> sections = new ArrayList<>();

        List<String> pay = new ArrayList<>();
        pay.add("Each deal you close credits you its " + switch (plan.creditBasis()) {
            case ACV -> "annual contract value (ACV)";
            case TCV -> "total contract value (TCV)";
            case AMOUNT -> "booked amount";
        } + " times your share of the deal.");
        if (plan.rates().baseRate() != null) {
            pay.add("You earn " + percent(plan.rates().baseRate()) + " of what is credited (the base rate).");
        } else if (plan.rates().targetIncentive() != null) {
            pay.add("You earn your target incentive of " + Format.money(plan.rates().targetIncentive(), currency)
                    + " at 100% of quota: the rate is that over your quota.");
        }
        for (Plan.ProductRate rate : plan.rates().productRates()) {
            pay.add(percent(rate.rate()) + " instead on " + what(rate.match()) + ".");
        }
        sections.add(new PlanView.Section("How you are paid", pay));

        List<String> boosts = new ArrayList<>();
        for (Plan.Multiplier multiplier : plan.multipliers()) {
            boosts.add("×" + factor(multiplier.factor()) + " on " + what(multiplier.match()) + ".");
        }
        for (Plan.TimingWindow window : plan.timing()) {
            boosts.add("×" + factor(window.factor()) + " for deals closed in the "
                    + (window.window() == Plan.Window.FIRST_DAYS ? "first " : "last ") + window.days() + " days of the "
                    + periodWord + ".");
        }
        if (!boosts.isEmpty()) {
            sections.add(new PlanView.Section("Multipliers (they multiply together)", boosts));
        }

        if (plan.tiers() != null && !plan.tiers().bands().isEmpty()) {
            List<String> tiers = new ArrayList<>();
            boolean attainment = plan.tiers().basis() == Plan.TierBasis.ATTAINMENT;
            BigDecimal quota = statement == null || statement.quota() == null ? null : statement.quota().amount();
            BigDecimal credited = statement == null ? null : statement.credited().amount();
            for (Plan.Band band : plan.tiers().bands()) {
                String range = attainment
                        ? (band.to() == null ? "From " + percent(band.from()) + " of quota"
                        : percent(band.from()) + " to " + percent(band.to()) + " of quota")
                        : (band.to() == null ? "From " + Format.money(band.from(), currency) + " credited"
                        : Format.money(band.from(), currency) + " to " + Format.money(band.to(), currency) + " credited");
                String pays = band.rate() != null ? "pays " + percent(band.rate())
                        : "pays your rate ×" + factor(band.multiplier());
                String needed = "";
                BigDecimal start = attainment ? (quota == null ? null : quota.multiply(band.from())) : band.from();
                if (start != null && credited != null && start.compareTo(credited) > 0) {
                    needed = ": " + Format.money(start.subtract(credited), currency) + " more to reach it";
                } else if (start != null && credited != null) {
                    needed = ": reached";
                }
                tiers.add(range + " " + pays + needed + ".");
            }
            tiers.add(plan.tiers().mode() == Plan.TierMode.MARGINAL
                    ? "A deal that crosses into a higher band is paid at each band for the part in it."
                    : "Every deal of the " + periodWord + " is paid at the band your final attainment reaches.");
            sections.add(new PlanView.Section("Accelerators", tiers));
        }

        if (!plan.spifs().isEmpty()) {
            List<String> spifs = new ArrayList<>();
            for (Plan.Spif spif : plan.spifs()) {
                Plan.Award award = spif.award();
                String reward = switch (award.type()) {
                    case PER_UNIT -> Format.money(award.amount(), currency) + " per unit";
                    case PERCENT -> percent(award.rate()) + " of the amount";
                    case FLAT -> Format.money(award.amount(), currency) + " per deal";
                    case THRESHOLD -> Format.money(award.amount(), currency) + " once";
                    case NON_CASH -> (award.description() == null ? "a prize" : award.description())
                            + (award.value() == null ? "" : " (worth " + Format.money(award.value(), currency) + ")");
                };
                String progress = "";
                if (statement != null && statement.progress() != null && statement.progress().spifs() != null) {
                    progress = statement.progress().spifs().stream().filter(status -> spif.id().equals(status.spif()))
                            .findFirst().map(status -> status.threshold() == null ? ""
                                    : " You are at " + status.progress().stripTrailingZeros().toPlainString() + " of "
                                    + status.threshold().stripTrailingZeros().toPlainString() + " " + status.measure()
                                    + (status.reached() ? ": reached." : ".")).orElse("");
                }
                String threshold = spif.threshold() == null ? "" : spif.threshold().units() != null
                        ? " after " + spif.threshold().units().stripTrailingZeros().toPlainString() + " units"
                        : " after " + Format.money(spif.threshold().amount(), currency) + " sold";
                spifs.add(reward + " on " + what(spif.match()) + threshold + ", " + spif.from() + " to " + spif.to()
                        + "." + progress);
            }
            sections.add(new PlanView.Section("SPIFs (paid on top, never multiplied)", spifs));
        }

        List<String> limits = new ArrayList<>();
        Plan.Limits plain = plan.limits() == null ? Plan.Limits.NONE : plan.limits();
        if (plain.cap() != null) {
            limits.add("Cash commission is capped at " + Format.money(plain.cap(), currency) + " per " + periodWord + ".");
        }
        if (plain.draw() != null) {
            limits.add("A draw of " + Format.money(plain.draw(), currency) + " per " + periodWord
                    + " is paid when you earn less" + (plain.drawRecoverable()
                    ? "; it is recovered later from earnings above it." : "; it is not recovered."));
        }
        if (plain.clawbackWindowDays() != null) {
            limits.add("A deal cancelled within " + plain.clawbackWindowDays() + " days of closing is taken back.");
        }
        if (!limits.isEmpty()) {
            sections.add(new PlanView.Section("Cap, draw and clawback", limits));
        }
        return sections;
    }

    /** {sku=X} -> "X", {family=LEGACY} -> "legacy products", {industry=HEALTHCARE} -> "healthcare deals". */
    private static String what(Match match) {
        List<String> words = new ArrayList<>();
        if (match.sku() != null) {
            words.add(match.sku());
        }
        if (match.family() != null) {
            words.add(match.family().toLowerCase(Locale.ROOT).replace('_', ' ') + " products");
        }
        if (match.industry() != null) {
            words.add(match.industry().toLowerCase(Locale.ROOT).replace('_', ' ') + " deals");
        }
        if (match.dealType() != null) {
            words.add(match.dealType().toLowerCase(Locale.ROOT) + " deals");
        }
        return words.isEmpty() ? "every deal" : String.join(", ", words);
    }

    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    private static String factor(BigDecimal value) {
        return value.setScale(Math.max(2, value.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    /** The plan page. */
    public static class PlanView extends dealdesk.web.Page {
        public record Section(String title, List<String> items) {
        }

        private final String subjectName;
        private final String planLabel;
        private final List<Section> sections;

        PlanView(User user, String subjectName, String planLabel, List<Section> sections) {
            super("plan.ftlh", "Plan", "plan", user, null);
            this.subjectName = subjectName;
            this.planLabel = planLabel == null ? "" : planLabel;
            this.sections = sections;
        }

        public String getSubjectName() {
            return subjectName;
        }

        public String getPlanLabel() {
            return planLabel;
        }

        public List<Section> getSections() {
            return sections;
        }
    }
}
