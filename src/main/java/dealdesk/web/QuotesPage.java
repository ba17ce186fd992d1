package dealdesk.web;

import dealdesk.auth.User;
import dealdesk.common.ApiException;
import dealdesk.quote.QuoteSearch;
import dealdesk.quote.QuoteStatus;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** {@code /quotes}: my quotes (a manager's: the team's; finance's: all), searched and filtered by status. */
@Path("/quotes")
@Produces(MediaType.TEXT_HTML)
public class QuotesPage {
    static final int PAGE_SIZE = 20;
    private final Session session;
    private final QuoteSearch search;

    public QuotesPage(dealdesk.auth.UserService users, QuoteSearch search) {
        this.session = new Session(users);
        this.search = search;
    }

    @GET
    public Response list(@CookieParam(SessionCookie.NAME) String token, @QueryParam("q") String q,
                         @QueryParam("status") String status, @QueryParam("offset") String offset,
                         @Context UriInfo uri) {
        Optional<User> user = session.user(token);
        if (user.isEmpty()) {
            String query = uri.getRequestUri().getRawQuery();
            return Session.toSignIn("/quotes" + (query == null ? "" : "?" + query));
        }
        String typed = q == null ? "" : q.strip();
        String chosen = status == null ? "" : status.strip();
        try {
            QuoteSearch.Page page = search.search(user.get(), new QuoteSearch.Criteria(null, chosen, null, typed, null,
                    Integer.toString(PAGE_SIZE), offset));
            return PageResource.page(200, new QuoteListView(user.get(), typed, chosen, page));
        } catch (ApiException e) {
            return PageResource.page(422, new QuoteListView(user.get(), typed, "", e.getMessage()));
        }
    }

    /** The page: the search form, one card per quote, and links to the pages before and after. */
    public static class QuoteListView extends Page {
        public record Row(String id, String customer, String account, String owner, String status, String statusLabel,
                          String version, String tcv, String mrr, String updated) {
        }

        public record Choice(String value, String label) {
        }

        private final String q;
        private final String status;
        private final List<Row> rows;
        private final long total;
        private final int offset;
        private final String error;

        QuoteListView(User user, String q, String status, QuoteSearch.Page page) {
            super("quotes.ftlh", "Quotes", "quotes", user, null);
            this.q = q;
            this.status = status;
            this.rows = page.items().stream().map(item -> new Row(Long.toString(item.id()),
                    item.customerName() == null || item.customerName().isBlank() ? item.accountName() : item.customerName(),
                    item.accountName(), item.owner(), item.status().name(), Format.words(item.status().name()),
                    Integer.toString(item.version()),
                    item.totals() == null ? "" : Format.money(item.totals().tcv().amount(), item.currency()),
                    item.totals() == null ? "" : Format.money(item.totals().mrr().amount(), item.currency()),
                    Format.when(item.updatedAt()))).toList();
            this.total = page.total();
            this.offset = page.offset();
            this.error = "";
        }

        QuoteListView(User user, String q, String status, String error) {
            super("quotes.ftlh", "Quotes", "quotes", user, null);
            this.q = q;
            this.status = status;
            this.rows = List.of();
            this.total = 0;
            this.offset = 0;
            this.error = error;
        }

        public String getQ() {
            return q;
        }

        public String getStatusFilter() {
            return status;
        }

        public List<Choice> getStatuses() {
            return Arrays.stream(QuoteStatus.values()).map(s -> new Choice(s.name(), Format.words(s.name()))).toList();
        }

        public List<Row> getRows() {
            return rows;
        }

        public long getTotal() {
            return total;
        }

        public String getError() {
            return error;
        }

        /** "1–20 of 45" */
        public String getShowing() {
            return rows.isEmpty() ? "" : (offset + 1) + "–" + (offset + rows.size()) + " of " + total;
        }

        public String getPreviousLink() {
            return offset == 0 ? "" : link(Math.max(0, offset - PAGE_SIZE));
        }

        public String getNextLink() {
            return offset + rows.size() >= total ? "" : link(offset + PAGE_SIZE);
        }

        private String link(int newOffset) {
            StringBuilder link = new StringBuilder("/quotes?offset=").append(newOffset);
            if (!q.isEmpty()) {
                link.append("&q=").append(java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
            }
            if (!status.isEmpty()) {
                link.append("&status=").append(status);
            }
            return link.toString();
        }
    }
}
