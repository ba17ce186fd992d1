package dealdesk.web;

import dealdesk.auth.Role;
import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.commission.PendingBookings;
import dealdesk.common.ApiException;
import dealdesk.deal.DealService;
import dealdesk.quote.ApprovalDecision;
import dealdesk.quote.ApprovalStatus;
import dealdesk.quote.Quote;
import dealdesk.quote.QuoteRequest;
import dealdesk.quote.QuoteSearch;
import dealdesk.quote.QuoteService;
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

import java.util.List;
import java.util.Optional;

/**
 * {@code /approvals}: the quotes waiting for the signed-in manager's, deal desk's or finance's decision, each
 * with what it asks, what changed since the version last approved, and approve or reject with a comment in
 * place. A rep has nothing to decide and is shown their own quotes waiting instead.
 */
@Path("/approvals")
@Produces(MediaType.TEXT_HTML)
public class ApprovalsPage {
    private final Session session;
    private final UserService users;
    private final QuoteSearch search;
    private final QuoteService quotes;
    private PendingBookings pendingBookings;
    private DealService deals;

    public ApprovalsPage(UserService users, QuoteSearch search, QuoteService quotes) {
        this.session = new Session(users);
        this.users = users;
        this.search = search;
        this.quotes = quotes;
    }

    /** Also lists the bookings of reps' own closed-won deals that the signed-in user may confirm. */
    public ApprovalsPage withBookings(PendingBookings pending, DealService dealService) {
        this.pendingBookings = pending;
        this.deals = dealService;
        return this;
    }

    @GET
    public Response inbox(@CookieParam(SessionCookie.NAME) String token, @QueryParam("done") String done,
                          @QueryParam("quote") String quoteId, @QueryParam("deal") String dealId) {
        Optional<User> user = session.user(token);
        if (user.isEmpty()) {
            return Session.toSignIn("/approvals");
        }
        if (user.get().role() == Role.REP) {
            return Session.redirect("/quotes?status=PENDING_APPROVAL");
        }
        String notice = "";
        if (("approved".equals(done) || "rejected".equals(done)) && quoteId != null && quoteId.matches("[0-9]{1,18}")) {
            notice = "Quote " + quoteId + " " + done + ".";
        }
        if ("confirmed".equals(done) && dealId != null && dealId.matches("[0-9]{1,18}")) {
            notice = "Booking of deal " + dealId + " confirmed: its commission is earned now.";
        }
        return PageResource.page(200, view(user.get(), notice, ""));
    }

    @POST
    @Path("{id: [0-9]{1,18}}/{decision: approve|reject}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response decide(@CookieParam(SessionCookie.NAME) String token, @PathParam("id") long id,
                           @PathParam("decision") String decision, @FormParam("version") String version,
                           @FormParam("comment") String comment, @FormParam(Csrf.FIELD) String formToken,
                           @CookieParam(Csrf.COOKIE) String cookieToken, @Context HttpHeaders headers) {
        Optional<User> user = session.user(token);
        if (user.isEmpty()) {
            return Session.toSignIn("/approvals");
        }
        if (!Csrf.accepts(headers, cookieToken, formToken)) {
            return PageResource.page(403, view(user.get(), "", "Your page had expired: nothing was decided. Try again."));
        }
        try {
            Integer read = version == null || !version.matches("[0-9]{1,9}") ? null : Integer.valueOf(version);
            String text = comment == null || comment.isBlank() ? null : comment.strip();
            ApprovalDecision body = new ApprovalDecision(read, text);
            if ("approve".equals(decision)) {
                quotes.approve(user.get(), id, body);
            } else {
                quotes.reject(user.get(), id, body);
            }
            return Session.redirect("/approvals?done=" + ("approve".equals(decision) ? "approved" : "rejected")
                    + "&quote=" + id);
        } catch (ApiException e) {
            return PageResource.page(e.code().status(), view(user.get(), "",
                    "Quote " + id + " was not " + ("approve".equals(decision) ? "approved" : "rejected") + ": "
                            + e.getMessage()));
        }
    }

    /** Confirms the booking of a deal a rep closed won herself (her manager, finance or an admin). */
    @POST
    @Path("bookings/{id: [0-9]{1,18}}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response confirmBooking(@CookieParam(SessionCookie.NAME) String token, @PathParam("id") long id,
                                   @FormParam(Csrf.FIELD) String formToken, @CookieParam(Csrf.COOKIE) String cookieToken,
                                   @Context HttpHeaders headers) {
        Optional<User> user = session.user(token);
        if (user.isEmpty()) {
            return Session.toSignIn("/approvals");
        }
        if (deals == null) {
            return PageResource.page(404, new ErrorView(user.get(), 404, "Nothing to confirm here."));
        }
        if (!Csrf.accepts(headers, cookieToken, formToken)) {
            return PageResource.page(403, view(user.get(), "", "Your page had expired: nothing was confirmed. Try again."));
        }
        try {
            deals.confirmBooking(user.get(), id);
            return Session.redirect("/approvals?done=confirmed&deal=" + id);
        } catch (ApiException e) {
            return PageResource.page(e.code().status(), view(user.get(), "",
                    "The booking of deal " + id + " was not confirmed: " + e.getMessage()));
        }
    }

    private ApprovalsView view(User viewer, String notice, String error) {
        QuoteSearch.Page waiting = search.search(viewer, new QuoteSearch.Criteria(null, null, null, null, "true",
                Integer.toString(QuoteSearch.MAX_LIMIT), null));
        List<ApprovalsView.Item> items = waiting.items().stream().map(item -> item(viewer, item)).toList();
        List<BookingRows> bookings = pendingBookings == null ? List.of()
                : pendingBookings.toConfirmBy(viewer).stream().map(BookingRows::of).toList();
        return new ApprovalsView(viewer, items, bookings, notice, error);
    }

    private ApprovalsView.Item item(User viewer, QuoteSearch.Item found) {
        Quote quote = quotes.load(found.id());
        List<String> asks = quote.approvals().stream()
                .filter(approval -> approval.status() == ApprovalStatus.PENDING)
                .map(approval -> Format.words(approval.level().name()) + ": " + approval.reason()).toList();
        List<String> given = quote.approvals().stream()
                .filter(approval -> approval.status() == ApprovalStatus.APPROVED)
                .map(approval -> Format.words(approval.level().name()) + " approved"
                        + (approval.carriedFrom() != null ? " on version " + approval.carriedFrom() : "")
                        + (approval.decidedBy() != null ? " by " + approval.decidedBy() : "")).toList();
        String since = "";
        List<String> changes = List.of();
        if (quote.version() > 1) {
            Optional<Integer> approved = search.lastApprovedBefore(quote.id(), quote.version());
            int base = approved.orElse(quote.version() - 1);
            Optional<QuoteRequest> before = search.versionRequest(quote.id(), base);
            if (before.isPresent()) {
                since = approved.isPresent() ? "Since version " + base + ", the last approved"
                        : "Since version " + base + " (no version was approved before)";
                changes = QuoteChanges.between(before.get(), quote.request());
            }
        }
        String owner = users.find(quote.owner()).map(User::name).orElse(quote.owner());
        String currency = quote.priced().currency();
        return new ApprovalsView.Item(Long.toString(quote.id()), Integer.toString(quote.version()),
                found.customerName() == null ? found.accountName() : found.customerName(), found.accountName(), owner,
                Format.money(quote.priced().totals().tcv().amount(), currency),
                Format.money(quote.priced().totals().discount().amount(), currency),
                quote.request().termMonths() == null ? "" : quote.request().termMonths() + " months",
                asks, given, since, changes);
    }

    /** The inbox. */
    public static class ApprovalsView extends Page {
        public record Item(String id, String version, String customer, String account, String owner, String tcv,
                           String discount, String term, List<String> asks, List<String> given, String since,
                           List<String> changes) {
        }

        private final List<Item> items;
        private final List<BookingRows> bookings;
        private final String notice;
        private final String error;

        ApprovalsView(User user, List<Item> items, List<BookingRows> bookings, String notice, String error) {
            super("approvals.ftlh", "Approvals", "approvals", user, null);
            this.items = items;
            this.bookings = bookings;
            this.notice = notice;
            this.error = error;
        }

        public List<Item> getItems() {
            return items;
        }

        /** Bookings of reps' own closed-won deals that wait for this user's confirmation. */
        public List<BookingRows> getBookings() {
            return bookings;
        }

        public String getNotice() {
            return notice;
        }

        public String getError() {
            return error;
        }
    }
}
