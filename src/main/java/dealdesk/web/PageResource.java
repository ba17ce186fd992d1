package dealdesk.web;

import dealdesk.auth.Role;
import dealdesk.auth.User;
import dealdesk.auth.SignInThrottle;
import dealdesk.auth.UserService;
import dealdesk.catalog.CatalogService;
import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.Period;
import dealdesk.deal.Deal;
import dealdesk.deal.DealService;
import dealdesk.quote.Quote;
import dealdesk.quote.QuoteService;
import dealdesk.quote.QuoteStatus;
import dealdesk.commission.CommissionServices;
import dealdesk.commission.PendingBookings;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pages for people: sign-in, quote builder, rep dashboard. They are signed in
 * by the session cookie; their scripts call the JSON API with the bearer token
 * the page carries, so the API itself never trusts a cookie.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class PageResource {
    static final String HOME = "/dashboard";
    /** Where a sign-in may send the browser next: only our own pages, never another site. */
    private static final Pattern NEXT = Pattern.compile(
            "/(dashboard|team|approvals|quotes|quotes/new|quotes/[0-9]{1,18}|deals|deals/new|deals/[0-9]{1,18}|finance|plan|pipeline)"
                    + "(\\?[A-Za-z0-9=&%._+-]{0,200})?");
    /**
     * Only our own scripts and styles; the proposal PDF opens as a blob: URL
     * made by the page, hence blob: for objects and frames.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'self' blob:; "
            + "frame-src blob:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    private final UserService users;
    private final CatalogService catalog;
    private final DealService deals;
    private final QuoteService quotes;
    private final Clock clock;
    private final Session session;
    private final CommissionServices commission;
    private final DashboardFigures figures;
    private PendingBookings pendingBookings;

    public PageResource(UserService users, CatalogService catalog, DealService deals, QuoteService quotes,
                        CommissionServices commission, DashboardFigures figures, Clock clock) {
        this.users = users;
        this.catalog = catalog;
        this.deals = deals;
        this.quotes = quotes;
        this.clock = clock;
        this.session = new Session(users);
        this.commission = commission;
        this.figures = figures;
    }

    /** The dashboard also shows the subject's bookings that wait for confirmation. */
    public PageResource withPendingBookings(PendingBookings pending) {
        this.pendingBookings = pending;
        return this;
    }

    @GET
    public Response signInPage(@CookieParam(SessionCookie.NAME) String token, @QueryParam("next") String next) {
        Optional<User> user = signedIn(token);
        if (user.isPresent()) {
            return redirect(safeNext(next, user.get()));
        }
        return page(200, new SignInView(null, null, NEXT.matcher(nullToEmpty(next)).matches() ? next : null));
    }

    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password,
                           @FormParam("next") String next, @FormParam(Csrf.FIELD) String formToken,
                           @CookieParam(Csrf.COOKIE) String cookieToken,
                           @Context UriInfo uri, @Context HttpHeaders headers,
                           @Context jakarta.servlet.http.HttpServletRequest http) {
        if (!Csrf.accepts(headers, cookieToken, formToken)) {
            // most often a sign-in page left open from before a restart or a cleared cookie: a fresh form works
            return page(403, new SignInView("Your sign-in form had expired. Please sign in again.",
                    username == null ? null : username.strip(), NEXT.matcher(nullToEmpty(next)).matches() ? next : null));
        }
        String typed = username == null ? null : username.strip();
        try {
            // the client's address: failures count per address too, as on POST /api/v1/auth/token
            UserService.IssuedToken issued = users.signIn(typed, password, http.getRemoteAddr());
            return Response.seeOther(URI.create(safeNext(next, issued.user())))
                    .cookie(SessionCookie.issue(issued.token(), issued.expiresAt(), clock,
                            SessionCookie.secure(uri, headers)))
                    .header("Cache-Control", "no-store")
                    .build();
        } catch (SignInThrottle.TooManyAttempts e) {
            Response.ResponseBuilder waiting = Response.fromResponse(page(429, new SignInView(
                    "Too many failed sign-ins: " + e.getMessage().replace("too many failed sign-ins: ", ""),
                    typed, NEXT.matcher(nullToEmpty(next)).matches() ? next : null)));
            e.headers().forEach(waiting::header);
            return waiting.build();
        } catch (ApiException e) {
            boolean missing = e.code() == ErrorCode.VALIDATION_FAILED;
            String message = missing ? "Enter your username and password." : "Wrong username or password.";
            String keptNext = NEXT.matcher(nullToEmpty(next)).matches() ? next : null;
            return page(missing ? 422 : 401, new SignInView(message, typed, keptNext));
        }
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@Context UriInfo uri, @Context HttpHeaders headers,
                            @CookieParam(SessionCookie.NAME) String token,
                            @FormParam(Csrf.FIELD) String formToken, @CookieParam(Csrf.COOKIE) String cookieToken) {
        if (!Csrf.accepts(headers, cookieToken, formToken)) {
            return page(403, new ErrorView(null, 403, "Sign out from dealdesk's own pages."));
        }
        users.revoke(token);
        return Response.seeOther(URI.create("/"))
                .cookie(SessionCookie.cleared(SessionCookie.secure(uri, headers)))
                .header("Cache-Control", "no-store")
                .build();
    }

    @GET
    @Path("quotes/new")
    public Response newQuote(@CookieParam(SessionCookie.NAME) String token, @QueryParam("deal") String deal) {
        Optional<User> user = signedIn(token);
        if (user.isEmpty()) {
            return toSignIn("/quotes/new");
        }
        Choices choices = Choices.load(user.get(), catalog, deals);
        QuoteBuilderView.Form form = QuoteBuilderView.Form.blank(LocalDate.now(clock));
        // from a deal's page: that deal is chosen, and its account is the customer
        Optional<Choices.Option> chosen = choices.deals().stream().filter(option -> option.value().equals(deal)).findFirst();
        if (chosen.isPresent()) {
            form = form.forDeal(chosen.get().value(), chosen.get().account(), chosen.get().industry());
        }
        return page(200, new QuoteBuilderView(user.get(), token, form, null, choices));
    }

    @GET
    @Path("quotes/{id: [0-9]{1,18}}")
    public Response quote(@CookieParam(SessionCookie.NAME) String token, @PathParam("id") long id) {
        Optional<User> user = signedIn(token);
        if (user.isEmpty()) {
            return toSignIn("/quotes/" + id);
        }
        try {
            Quote quote = quotes.get(user.get(), id);
            Deal deal = deals.load(quote.dealId());
            String dealLabel = deal.account().name() + " · #" + deal.id();
            QuoteBuilderView view = new QuoteBuilderView(user.get(), token,
                    QuoteBuilderView.Form.of(quote.request(), quote.dealId()),
                    QuoteBuilderView.Saved.of(quote, dealLabel), Choices.load(user.get(), catalog, deals));
            if (quote.status() == QuoteStatus.ACCEPTED && users.canSeeMoneyOf(user.get(), deal.owner())) {
                DealPaid.of(commission, deal).ifPresent(view::paid);
            }
            return page(200, view);
        } catch (ApiException e) {
            return page(e.code().status(), new ErrorView(user.get(), e.code().status(), e.getMessage()));
        }
    }

    @GET
    @Path("dashboard")
    public Response dashboard(@CookieParam(SessionCookie.NAME) String token, @QueryParam("user") String username,
                              @QueryParam("period") String periodText, @Context UriInfo uri) {
        Optional<User> signedIn = signedIn(token);
        if (signedIn.isEmpty()) {
            String query = uri.getRequestUri().getRawQuery();
            return toSignIn(HOME + (query == null ? "" : "?" + query));
        }
        User viewer = signedIn.get();
        User subject = viewer;
        if (username != null && !username.isBlank() && !username.equals(viewer.username())) {
            Optional<User> other = users.canSeeMoneyOf(viewer, username) ? users.find(username) : Optional.empty();
            if (other.isEmpty()) {
                // the same answer for "nobody" and "not yours": a rep learns nothing about other usernames
                return page(404, new ErrorView(viewer, 404, "No dashboard of " + username + " for you to see."));
            }
            subject = other.get();
        }
        String period = null;
        String periodError = null;
        if (periodText != null && !periodText.isBlank()) {
            try {
                period = Period.parse(periodText.strip()).toString();
            } catch (ApiException e) {
                periodError = e.getMessage();
            }
        }
        DashboardView view = new DashboardView(viewer, token, subject, period, periodError, people(viewer),
                dealsOf(viewer, subject.username()));
        if (periodError == null) {
            figures.of(subject.username(), period).ifPresent(view::figures);
        }
        if (pendingBookings != null) {
            String owner = subject.username();
            view.pending(pendingBookings.visibleTo(viewer).stream().filter(item -> item.owner().equals(owner))
                    .map(BookingRows::of).toList());
        }
        return page(200, view);
    }

    /** The subject's deals the viewer may see (owned or credited), open ones first, soonest close first. */
    private List<DashboardView.DealRow> dealsOf(User viewer, String username) {
        return deals.list(viewer).stream()
                .filter(deal -> deal.owner().equals(username)
                        || deal.splits().stream().anyMatch(split -> split.username().equals(username)))
                .sorted(Comparator.comparing((Deal deal) -> !deal.stage().open())
                        .thenComparing(deal -> deal.expectedCloseDate() == null ? LocalDate.MAX : deal.expectedCloseDate()))
                .map(deal -> new DashboardView.DealRow(Long.toString(deal.id()), deal.account().name(),
                        Choices.label(deal.stage().name()), deal.stage().open(),
                        deal.expectedCloseDate() == null ? "" : deal.expectedCloseDate().toString(),
                        deal.primaryQuoteId() == null ? "" : deal.primaryQuoteId().toString()))
                .toList();
    }

    private List<Choices.Option> people(User viewer) {
        List<User> visible = switch (viewer.role()) {
            case MANAGER -> {
                List<User> team = new ArrayList<>(List.of(viewer));
                team.addAll(users.team(viewer.username()));
                yield team;
            }
            case FINANCE, ADMIN -> users.list().stream()
                    .filter(user -> user.role() == Role.REP || user.role() == Role.MANAGER).toList();
            default -> List.of();
        };
        return visible.stream().map(user -> new Choices.Option(user.username(), user.name())).toList();
    }

    private Optional<User> signedIn(String token) {
        return session.user(token);
    }

    private static Response toSignIn(String next) {
        return Session.toSignIn(next);
    }

    private static Response redirect(String target) {
        return Session.redirect(target);
    }

    /** The page asked for before signing in, else where the user's role starts. */
    private static String safeNext(String next, User user) {
        return next != null && NEXT.matcher(next).matches() ? next : Session.landing(user);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    /** A page with the headers every page gets: never cached (it carries a token), strict CSP, no framing. */
    static Response page(int status, Page page) {
        return Response.status(status)
                .entity(page)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin")
                .build();
    }
}
