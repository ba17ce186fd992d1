package dealdesk.web;

import dealdesk.auth.Role;
import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.commission.InsightService;
import dealdesk.common.ApiException;
import dealdesk.quote.QuoteSearch;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Optional;

/**
 * {@code /team}: the manager's landing page. One card per rep: attainment, earned, the weighted pipeline and the
 * quotes waiting for the manager. Finance and admins see every rep.
 */
@Path("/team")
@Produces(MediaType.TEXT_HTML)
public class TeamPage {
    private final Session session;
    private final UserService users;
    private final InsightService insights;
    private final QuoteSearch search;

    public TeamPage(UserService users, InsightService insights, QuoteSearch search) {
        this.session = new Session(users);
        this.users = users;
        this.insights = insights;
        this.search = search;
    }

    @GET
    public Response team(@CookieParam(SessionCookie.NAME) String token, @QueryParam("period") String period) {
        Optional<User> user = session.user(token);
        if (user.isEmpty()) {
            return Session.toSignIn("/team");
        }
        User viewer = user.get();
        if (viewer.role() == Role.REP) {
            return Session.redirect("/dashboard");
        }
        List<User> reps = viewer.role() == Role.MANAGER ? users.team(viewer.username())
                : users.list().stream().filter(other -> other.role() == Role.REP).toList();
        String chosen = period == null || period.isBlank() ? null : period.strip();
        List<TeamView.Member> members = reps.stream().map(rep -> member(viewer, rep, chosen)).toList();
        long awaiting = search.search(viewer, new QuoteSearch.Criteria(null, null, null, null, "true", "1", null)).total();
        return PageResource.page(200, new TeamView(viewer, members, awaiting));
    }

    private TeamView.Member member(User viewer, User rep, String period) {
        long waiting = search.search(viewer, new QuoteSearch.Criteria(rep.username(), null, null, null, "true", "1", null))
                .total();
        try {
            InsightService.Dashboard dash = insights.dashboard(rep.username(), period);
            String currency = dash.currency();
            return new TeamView.Member(rep.username(), rep.name(), dash.period(), Format.percent(dash.attainment()),
                    attainmentWidth(dash.attainment()), Format.money(dash.earned(), currency),
                    dash.quota() == null ? "no quota" : "of " + Format.money(dash.quota(), currency) + " quota",
                    Format.money(dash.pipeline().weightedAmount(), currency),
                    dash.pipeline().deals().size() + (dash.pipeline().deals().size() == 1 ? " open deal" : " open deals"),
                    waiting, "");
        } catch (ApiException e) {
            return new TeamView.Member(rep.username(), rep.name(), "", "—", "0", "—", "", "—", "", waiting,
                    "No figures: " + e.getMessage());
        }
    }

    /** The bar's width in percent of the card, attainment capped at 150% so that the bar stays readable. */
    private static String attainmentWidth(java.math.BigDecimal attainment) {
        if (attainment == null) {
            return "0";
        }
        double capped = Math.min(attainment.doubleValue(), 1.5) / 1.5 * 100; // layout only, never money
        return String.format(java.util.Locale.ROOT, "%.1f", capped);
    }

    /** The team. */
    public static class TeamView extends Page {
        public record Member(String username, String name, String period, String attainment, String attainmentWidth,
                             String earned, String quota, String pipeline, String deals, long awaiting, String problem) {
        }

        private final List<Member> members;
        private final long awaiting;

        TeamView(User user, List<Member> members, long awaiting) {
            super("team.ftlh", "Team", "team", user, null);
            this.members = members;
            this.awaiting = awaiting;
        }

        public List<Member> getMembers() {
            return members;
        }

        public long getAwaiting() {
            return awaiting;
        }
    }
}
