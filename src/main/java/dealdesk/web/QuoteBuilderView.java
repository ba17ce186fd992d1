package dealdesk.web;

import dealdesk.auth.User;
import dealdesk.quote.Customer;
import dealdesk.quote.Quote;
import dealdesk.quote.QuoteApproval;
import dealdesk.quote.QuoteLineRequest;
import dealdesk.quote.QuoteRequest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The quote builder: the form is rendered here with the quote's values (or
 * a new quote's defaults), the choices (deals, price books, products) come
 * from the server, and builder.js prices it live through the preview API.
 */
public class QuoteBuilderView extends Page {

    /** What the form is filled with. Strings, so that the template shows exactly what was asked. */
    public record Form(String dealId, String customerName, String segment, String industry, String country,
                       String locale, String currency, String priceBook, String termMonths, String startDate,
                       List<Line> lines) {

        static Form blank(LocalDate today) {
            return new Form("", "", "", "", "", "en-US", "USD", "Standard USD", "12", today.toString(),
                    List.of(new Line("", "1", "0")));
        }

        Form forDeal(String deal, String account, String accountIndustry) {
            return new Form(deal, account, segment, accountIndustry, country, locale, currency, priceBook, termMonths,
                    startDate, lines);
        }

        static Form of(QuoteRequest request, long dealId) {
            Customer customer = request.customer() == null ? new Customer(null, null, null, null, null)
                    : request.customer();
            List<Line> lines = request.lines() == null ? List.of() : request.lines().stream().map(Line::of).toList();
            return new Form(Long.toString(dealId), text(customer.name()), text(customer.segment()),
                    text(customer.industry()), text(customer.country()), text(customer.locale()),
                    text(request.currency()), text(request.priceBook()),
                    request.termMonths() == null ? "" : request.termMonths().toString(),
                    request.startDate() == null ? "" : request.startDate().toString(),
                    lines.isEmpty() ? List.of(new Line("", "1", "0")) : lines);
        }
    }

    public record Line(String sku, String quantity, String discountPercent) {
        static Line of(QuoteLineRequest line) {
            return new Line(text(line.sku()), number(line.quantity()), number(line.discountPercent()));
        }
    }

    /** A saved quote's identity and state; null for a new quote. */
    public record Saved(long id, int version, String status, String owner, String dealLabel,
                        List<QuoteApproval> approvals) {
        static Saved of(Quote quote, String dealLabel) {
            return new Saved(quote.id(), quote.version(), quote.status().name(), quote.owner(), dealLabel,
                    quote.approvals().stream().filter(approval -> approval.version() == quote.version()).toList());
        }
    }

    private final Form form;
    private final Saved saved;
    private final Choices choices;
    private DealPaid.Paid paid;

    QuoteBuilderView(User user, String token, Form form, Saved saved, Choices choices) {
        super("quote.ftlh", saved == null ? "New quote" : "Quote " + saved.id(), saved == null ? "quote" : "", user, token);
        this.form = form;
        this.saved = saved;
        this.choices = choices;
    }

    public Form getForm() {
        return form;
    }

    public boolean isSaved() {
        return saved != null;
    }

    public Saved getSavedQuote() {
        return saved;
    }

    public String getQuoteId() {
        return saved == null ? "" : Long.toString(saved.id());
    }

    public String getVersion() {
        return saved == null ? "" : Integer.toString(saved.version());
    }

    public String getStatus() {
        return saved == null ? "DRAFT" : saved.status();
    }

    /** The line a new row starts as (the template the script clones). */
    public Line getBlankLine() {
        return new Line("", "1", "0");
    }

    /** Whose commission the estimate is: the quote's owner, "you" when that is the viewer. */
    public String getEstimateFor() {
        return saved == null || saved.owner().equals(getUsername()) ? "you" : saved.owner();
    }

    /** May the viewer be asked to approve or reject? (The API decides which approvals are theirs.) */
    public boolean isDecidable() {
        return saved != null && "PENDING_APPROVAL".equals(saved.status())
                && !getUsername().equals(saved.owner())
                && List.of("MANAGER", "FINANCE", "ADMIN").contains(getRole());
    }

    /** Approved, presented, accepted or expired: the offer stands as it is (a change would be a new quote). */
    public boolean isReadOnly() {
        return saved != null && List.of("APPROVED", "PRESENTED", "ACCEPTED", "EXPIRED").contains(saved.status());
    }

    /** Waiting for approval: a change starts the approvals over, so the page asks first. */
    public boolean isLocked() {
        return saved != null && "PENDING_APPROVAL".equals(saved.status());
    }

    void paid(DealPaid.Paid value) {
        this.paid = value;
    }

    /** What the won deal paid the owner (blank unless the quote was accepted and its deal booked). */
    public String getPaid() {
        return paid == null ? "" : paid.amount();
    }

    public String getPaidDetail() {
        return paid == null ? "" : paid.detail();
    }

    public Choices getChoices() {
        return choices;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String number(BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }
}
