package dealdesk.web;

import dealdesk.auth.Role;
import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.common.ApiException;
import dealdesk.common.Money;
import dealdesk.pipeline.FunnelService;
import dealdesk.pipeline.PipelineService;
import dealdesk.pipeline.api.Funnel;
import dealdesk.pipeline.api.PipelineReport;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;

/**
 * {@code /pipeline}: a rep's pipeline for the period in plain words (quota, closed, gap, coverage, deals
 * needed), the funnel's plan against fact, forecast categories and the deals that need attention. A manager
 * sees their team by default ({@code ?team=}); {@code ?user=} or {@code ?team=} pick another the viewer may see.
 */
@Path("/pipeline")
@Produces(MediaType.TEXT_HTML)
public class PipelinePageResource {
    private final Session session;
    private final PipelineService pipeline;
    private final FunnelService funnel;

    public PipelinePageResource(UserService users, PipelineService pipeline, FunnelService funnel) {
        this.session = new Session(users);
        this.pipeline = pipeline;
        this.funnel = funnel;
    }

    @GET
    public Response pipeline(@CookieParam(SessionCookie.NAME) String token, @QueryParam("user") String username,
                             @QueryParam("team") String team, @QueryParam("period") String period) {
        Optional<User> signedIn = session.user(token);
        if (signedIn.isEmpty()) {
            return Session.toSignIn("/pipeline");
        }
        User viewer = signedIn.get();
        String user = blankToNull(username);
        String teamOf = blankToNull(team);
        if (user == null && teamOf == null) {
            if (viewer.role() == Role.REP) {
                user = viewer.username();
            } else {
                teamOf = viewer.username();
            }
        }
        String chosenPeriod = blankToNull(period);
        try {
            PipelineReport report = pipeline.pipeline(viewer, user, teamOf, chosenPeriod);
            Funnel stages = funnel.funnel(viewer, user, teamOf, chosenPeriod);
            return PageResource.page(200, new PipelineView(viewer, report, stages));
        } catch (ApiException e) {
            int status = e.code().status();
            return PageResource.page(status, new ErrorView(viewer, status, e.getMessage()));
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The page's figures, already in words. */
    public static class PipelineView extends Page {
        public record Figure(String id, String label, String value, String note) {
        }

        public record StageRow(String stage, int reached, String conversion, String plan, String verdict,
                               int barPercent) {
        }

        public record CategoryRow(String category, int count, String amount, String weighted) {
        }

        public record DealRow(long id, String account, String owner, String stage, String closes, String amount,
                              List<String> messages) {
        }

        private final String heading;
        private final String period;
        private final String summary;
        private final List<Figure> figures;
        private final List<StageRow> stages;
        private final List<CategoryRow> categories;
        private final List<DealRow> attention;

        PipelineView(User viewer, PipelineReport report, Funnel funnel) {
            super("pipeline.ftlh", "Pipeline", "pipeline", viewer, null);
            String currency = report.currency();
            this.period = report.period();
            this.heading = report.team() != null
                    ? (report.team().equals(viewer.username()) ? "Your team's pipeline" : report.team() + "'s team pipeline")
                    : (viewer.username().equals(report.username()) ? "Your pipeline" : report.username() + "'s pipeline");
            this.summary = summary(report, currency);
            this.figures = List.of(
                    new Figure("quota", "Quota", money(report.quota(), currency), report.quota() == null ? "No quota is set" : ""),
                    new Figure("closed-won", "Closed won", money(report.closedWon(), currency), ""),
                    new Figure("gap", "Gap to quota", money(report.gap(), currency), ""),
                    new Figure("open", "Open pipeline", money(report.open().amount(), currency),
                            count(report.open().count(), "open deal")),
                    new Figure("weighted", "Weighted by stage", money(report.open().weighted(), currency), ""),
                    new Figure("coverage", "Coverage of the gap", times(report.coverage()),
                            times(report.weightedCoverage()) + " weighted"),
                    new Figure("deals-needed", "New deals needed",
                            report.dealsNeeded() == null ? "—" : String.valueOf(report.dealsNeeded()),
                            report.averageWonAmount() == null ? "No won deals in the last year to average"
                                    : "at " + money(report.averageWonAmount(), currency) + " average won, "
                                    + Format.percent(report.winRate()) + " win rate"));
            int most = funnel.stages().stream().mapToInt(stage -> Math.max(stage.reached(),
                    stage.plan() == null ? 0 : stage.plan())).max().orElse(0);
            this.stages = funnel.stages().stream().map(stage -> new StageRow(Format.words(stage.stage().name()),
                    stage.reached(), stage.conversionToNext() == null ? "—" : Format.percent(stage.conversionToNext()),
                    stage.plan() == null ? "no plan" : String.valueOf(stage.plan()), verdict(stage),
                    most == 0 ? 0 : stage.reached() * 100 / most)).toList();
            this.categories = report.byForecastCategory().stream().map(category -> new CategoryRow(
                    Format.words(category.category().name()), category.count(), money(category.amount(), currency),
                    money(category.weighted(), currency))).toList();
            this.attention = report.deals().stream().filter(deal -> !deal.flags().isEmpty())
                    .map(deal -> new DealRow(deal.id(), deal.account(), deal.owner(), Format.words(deal.stage().name()),
                            deal.expectedCloseDate() == null ? "no close date" : deal.expectedCloseDate().toString(),
                            money(deal.amount(), currency),
                            deal.flags().stream().map(flag -> flag.message()).toList())).toList();
        }

        private static String summary(PipelineReport report, String currency) {
            if (report.gap() == null) {
                return "No quota is set for " + report.period() + ", so there is no gap to cover.";
            }
            if (report.gap().amount().signum() <= 0) {
                return "Quota is reached for " + report.period() + ": " + money(report.closedWon(), currency)
                        + " closed won.";
            }
            return money(report.gap(), currency) + " still to close in " + report.period() + "; the open deals weigh "
                    + money(report.open().weighted(), currency) + "."
                    + (report.dealsNeeded() == null || report.dealsNeeded() == 0 ? ""
                    : " About " + count(report.dealsNeeded(), "new deal") + " more are needed.");
        }

        private static String verdict(Funnel.Stage stage) {
            if (stage.plan() == null) {
                return "";
            }
            int difference = stage.reached() - stage.plan();
            return difference >= 0 ? "on plan" : (-difference) + " short of plan";
        }

        private static String money(Money money, String currency) {
            return money == null ? "—" : Format.money(money.amount(), currency);
        }

        private static String times(BigDecimal ratio) {
            return ratio == null ? "—" : ratio.setScale(1, RoundingMode.HALF_UP).toPlainString() + "×";
        }

        private static String count(int n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }

        public String getHeading() {
            return heading;
        }

        public String getPeriod() {
            return period;
        }

        public String getSummary() {
            return summary;
        }

        public List<Figure> getFigures() {
            return figures;
        }

        public List<StageRow> getStages() {
            return stages;
        }

        public List<CategoryRow> getCategories() {
            return categories;
        }

        public List<DealRow> getAttention() {
            return attention;
        }
    }
}
