package dealdesk.proposal;

import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.catalog.CatalogService;
import dealdesk.catalog.CatalogSnapshot;
import dealdesk.catalog.ProductText;
import dealdesk.common.Money;
import dealdesk.quote.PricedQuote;
import dealdesk.quote.PricedQuoteLine;
import dealdesk.quote.Quote;
import dealdesk.quote.QuoteRequest;
import dealdesk.quote.QuoteService;
import dealdesk.quote.QuoteStatus;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The proposal of a saved quote: who may have it, and how the stored, priced
 * quote becomes a {@link ProposalDocument}. The PDF is rendered into memory
 * before anything is sent, so a failure is still a JSON error, never half a PDF.
 */
public class ProposalService {
    /** Statuses at which the customer sees a final document, without the DRAFT watermark. */
    private static final Set<QuoteStatus> APPROVED = EnumSet.of(QuoteStatus.APPROVED, QuoteStatus.PRESENTED,
            QuoteStatus.ACCEPTED);

    private final QuoteService quotes;
    private final CatalogService catalog;
    private final UserService users;
    private final ProposalRenderer renderer;

    public ProposalService(QuoteService quotes, CatalogService catalog, UserService users, ProposalRenderer renderer) {
        this.quotes = quotes;
        this.catalog = catalog;
        this.users = users;
        this.renderer = renderer;
    }

    public record Proposal(String fileName, byte[] pdf) {
    }

    /**
     * The PDF of a quote for its owner, the owner's manager, finance or an admin
     * (403 for anyone else, 404 for no such quote, 422 for an unknown template or locale).
     */
    public Proposal render(User viewer, long quoteId, String template, String locale) {
        Quote quote = quotes.load(quoteId);
        users.requireCanSeeMoneyOf(viewer, quote.owner());
        // the language is the asked locale or the customer's: the products' text follows it
        ProposalRenderer.Request request = renderer.request(template, locale, document(quote, null));
        ProposalDocument document = document(quote, request.languageTag());
        ByteArrayOutputStream pdf = new ByteArrayOutputStream(64 * 1024);
        renderer.render(document, request, pdf);
        String fileName = "proposal-" + document.quote().number() + "-v" + quote.version() + ".pdf";
        return new Proposal(fileName, pdf.toByteArray());
    }

    /** The proposal's content, product names, descriptions and units in {@code languageTag} where translated. */
    ProposalDocument document(Quote quote, String languageTag) {
        QuoteRequest request = quote.request();
        PricedQuote priced = quote.priced();
        int termMonths = request.termMonths() == null ? 12 : request.termMonths();
        CatalogSnapshot products = catalog.snapshot();
        List<ProposalDocument.Line> lines = new ArrayList<>();
        for (PricedQuoteLine line : priced.lines()) {
            Optional<ProductText> text = products.product(line.sku()).map(product -> product.textIn(languageTag));
            lines.add(new ProposalDocument.Line(
                    line.sku(),
                    text.map(ProductText::name).orElse(line.name() != null ? line.name() : line.sku()),
                    text.map(ProductText::description).orElse(null),
                    line.kind(),
                    new ProposalDocument.Quantity(line.quantity(), text.map(ProductText::unit).orElse(line.unit())),
                    new ProposalDocument.Price(line.listPrice(), effectiveDiscount(line), line.netPrice(), line.netTotal()),
                    line.recurring() ? termMonths : null));
        }
        dealdesk.pricing.Totals totals = priced.totals();
        dealdesk.quote.Customer customer = request.customer();
        return new ProposalDocument(
                new ProposalDocument.Quote(number(quote.id()), quote.version(), APPROVED.contains(quote.status()),
                        quote.validUntil()),
                new ProposalDocument.Customer(customer.name(), customer.segment(), customer.country(), customer.locale()),
                new ProposalDocument.Terms(priced.currency(), termMonths, request.startDate()),
                lines,
                new ProposalDocument.Totals(totals.oneTime(), totals.mrr(), totals.arr(), totals.tcv(), totals.acv(),
                        totals.discount()),
                users.find(quote.owner()).map(User::name).orElse(quote.owner()));
    }

    static String number(long quoteId) {
        return String.format("Q-%06d", quoteId);
    }

    /**
     * The whole discount from list to net in percent, whatever stages gave it (volume,
     * term, promotion, the rep's ask): the customer sees one figure per line.
     */
    private static BigDecimal effectiveDiscount(PricedQuoteLine line) {
        if (line.listPrice() == null || line.netPrice() == null || line.listPrice().isZero()) {
            return line.discountPercent();
        }
        return line.listPrice().minus(line.netPrice()).amount()
                .divide(line.listPrice().amount(), Money.DIVISION)
                .movePointRight(2)
                .setScale(2, RoundingMode.HALF_UP)
                .stripTrailingZeros();
    }
}
