package dealdesk.quote;

import dealdesk.catalog.CatalogSnapshot;
import dealdesk.catalog.PriceBookEntry;
import dealdesk.catalog.Product;
import dealdesk.catalog.ProductKind;
import dealdesk.common.Money;
import dealdesk.common.Validation;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import dealdesk.pricing.ChargeType;
import dealdesk.pricing.FloorBreach;
import dealdesk.pricing.LineResult;
import dealdesk.pricing.PricedLine;
import dealdesk.pricing.PricingOutcome;
import dealdesk.pricing.PricingService;
import dealdesk.pricing.QuoteContext;
import dealdesk.pricing.RequestedDiscount;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a quote request into a priced quote: checks every field against the
 * catalog in memory (422 naming each bad field), prices the lines in one
 * rules session, checks the configuration, and asks the estimator. Reads
 * nothing from the database: this is the preview hot path.
 */
public class QuotePricer {
    public static final int MAX_LINES = 10_000;
    public static final int MAX_TERM_MONTHS = 120;
    private static final Logger LOG = LoggerFactory.getLogger(QuotePricer.class);
    private static final Validator VALIDATOR = Validators.newValidator();

    private final Supplier<CatalogSnapshot> catalog;
    private final PricingService pricing;
    private final QuoteEstimator estimator;
    private volatile BookCurrencies bookCurrencies;

    /** A pricer whose quotes carry no estimate. */
    public QuotePricer(Supplier<CatalogSnapshot> catalog, PricingService pricing) {
        this(catalog, pricing, QuoteEstimator.NONE);
    }

    /** A pricer whose quotes carry the owner's commission estimate from {@code estimator} (null: none). */
    public QuotePricer(Supplier<CatalogSnapshot> catalog, PricingService pricing, QuoteEstimator estimator) {
        this.catalog = catalog;
        this.pricing = pricing;
        this.estimator = estimator == null ? QuoteEstimator.NONE : estimator;
    }

    /** Prices a request; {@code owner} and {@code closeDate} are for the estimate. */
    public PricedQuote price(QuoteRequest request, String owner, LocalDate closeDate) {
        CatalogSnapshot snapshot = catalog.get();
        validate(request, snapshot, currenciesOf(snapshot));
        Currency currency = Money.currency(request.currency());
        List<PricedLine> facts = new ArrayList<>(request.lines().size());
        for (int i = 0; i < request.lines().size(); i++) {
            QuoteLineRequest line = request.lines().get(i);
            Product product = snapshot.product(line.sku()).orElseThrow();
            Money listPrice = Money.of(snapshot.price(request.priceBook(), line.sku(), request.currency(),
                    request.startDate()).map(PriceBookEntry::listPrice).orElseThrow(), currency);
            facts.add(new PricedLine(i, line.sku(), product.family(),
                    product.kind() == ProductKind.SUBSCRIPTION ? ChargeType.RECURRING : ChargeType.ONE_TIME,
                    line.quantity(), listPrice, discount(line, currency)));
        }
        Customer customer = request.customer();
        String segment = customer.segment() == null ? null : customer.segment().strip().toUpperCase(Locale.ROOT);
        QuoteContext context = new QuoteContext(request.currency(), segment, customer.name().strip(),
                request.termMonths(), request.startDate());
        PricingOutcome outcome = pricing.engine().price(context, facts, pricing.data());

        List<PricedQuoteLine> lines = new ArrayList<>(facts.size());
        for (LineResult result : outcome.lines()) {
            QuoteLineRequest asked = request.lines().get(result.index());
            Product product = snapshot.product(result.sku()).orElseThrow();
            lines.add(new PricedQuoteLine(result.sku(), product.name(), product.family(), product.kind().name(),
                    product.unit(), result.quantity(), percentOf(asked), amountOf(asked, currency), result.listPrice(),
                    result.netPrice(),
                    result.totals().monthly(), result.totals().netTotal(), result.totals().listTotal(),
                    result.adjustments()));
        }
        List<QuoteError> errors = new ArrayList<>(ConfigurationChecker.check(request.lines(), snapshot));
        for (FloorBreach breach : outcome.floorBreaches()) {
            LineResult result = outcome.lines().stream().filter(line -> line.index() == breach.lineIndex())
                    .findFirst().orElse(null);
            QuoteLineRequest asked = request.lines().get(breach.lineIndex());
            errors.add(new QuoteError("BELOW_FLOOR", belowFloor(asked.sku(), breach, result, request.currency()),
                    "lines[" + breach.lineIndex() + "]." + (asked.discountAmount() != null ? "discountAmount" : "discountPercent")));
        }
        PricedQuote priced = new PricedQuote(request.currency(), lines, outcome.totals(), outcome.approvals(),
                List.copyOf(errors), null);
        return priced.withEstimate(estimateOf(owner, closeDate, request, priced));
    }

    /**
     * "CRM-PRO at 58.50 USD is below its floor of 60.00 USD: the largest discount allowed is 40%": the rep reads
     * how far they may go, in the quote's currency, not just that they went too far.
     */
    static String belowFloor(String sku, FloorBreach breach, LineResult result, String currency) {
        int digits = 2;
        try {
            digits = Math.max(2, java.util.Currency.getInstance(currency).getDefaultFractionDigits());
        } catch (IllegalArgumentException | NullPointerException e) {
            // an unknown currency is reported on its own field; two decimals are fine here
        }
        Money beforeDiscount = result == null ? null : result.adjustments().stream()
                .filter(step -> step.stage() == dealdesk.pricing.Stage.DISCOUNT)
                .map(step -> step.before()).findFirst().orElse(null);
        Money floor = breach.floor();
        String largest;
        if (beforeDiscount == null || beforeDiscount.compareTo(floor) <= 0) {
            largest = "no discount is allowed on it";
        } else {
            BigDecimal max = BigDecimal.ONE.subtract(floor.amount().divide(beforeDiscount.amount(), 10,
                            java.math.RoundingMode.HALF_UP))
                    .movePointRight(2).setScale(2, java.math.RoundingMode.DOWN).stripTrailingZeros();
            largest = "the largest discount allowed is " + max.toPlainString() + "%";
        }
        String unit = currency == null ? "" : " " + currency;
        return sku + " at " + breach.price().amount().setScale(digits, java.math.RoundingMode.HALF_UP).toPlainString() + unit
                + " is below its floor of " + floor.amount().setScale(digits, java.math.RoundingMode.HALF_UP).toPlainString()
                + unit + ": " + largest + " (" + breach.rule() + ")";
    }

    /** The priced quote with a fresh estimate for its owner (a saved quote's estimate moves with attainment). */
    public PricedQuote estimate(String owner, LocalDate closeDate, QuoteRequest request, PricedQuote priced) {
        return priced.withEstimate(estimateOf(owner, closeDate, request, priced.withEstimate(null)));
    }

    private QuoteEstimate estimateOf(String owner, LocalDate closeDate, QuoteRequest request, PricedQuote priced) {
        QuoteEstimator current = estimator;
        if (owner == null) {
            return null;
        }
        try {
            return current.estimate(owner, closeDate, request, priced);
        } catch (RuntimeException e) {
            // The estimate is a courtesy on the quote; a failing estimator must not stop a rep from quoting.
            LOG.warn("estimate for {} failed", owner, e);
            return null;
        }
    }

    private static RequestedDiscount discount(QuoteLineRequest line, Currency currency) {
        return new RequestedDiscount(line.discountPercent(), amountOf(line, currency));
    }

    private static BigDecimal percentOf(QuoteLineRequest line) {
        return line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
    }

    private static Money amountOf(QuoteLineRequest line, Currency currency) {
        return line.discountAmount() == null ? null : Money.of(line.discountAmount(), currency);
    }

    /** The currencies each price book has prices in, computed once per catalog snapshot (not per preview). */
    private Function<String, Set<String>> currenciesOf(CatalogSnapshot snapshot) {
        BookCurrencies cached = bookCurrencies;
        if (cached == null || cached.snapshot() != snapshot) {
            cached = new BookCurrencies(snapshot, new ConcurrentHashMap<>());
            bookCurrencies = cached;
        }
        Map<String, Set<String>> byBook = cached.byBook();
        return book -> byBook.computeIfAbsent(book, snapshot::currencies);
    }

    private record BookCurrencies(CatalogSnapshot snapshot, Map<String, Set<String>> byBook) {
    }

    /** An amount off per unit: alone (not with a percent), not negative, in the currency's unit, within the price. */
    private static void amountOff(Validation v, String path, QuoteLineRequest line, BigDecimal listPrice,
                                  String currency) {
        BigDecimal amount = line.discountAmount();
        int digits = Money.isKnownCurrency(currency) ? Money.currency(currency).getDefaultFractionDigits() : 2;
        if (line.discountPercent() != null && line.discountPercent().signum() != 0) {
            v.add(path, "ask for a discount in percent or as an amount, not both");
        } else if (amount.signum() < 0) {
            v.add(path, "an amount off of 0 or more is required");
        } else if (amount.stripTrailingZeros().scale() > digits) {
            v.add(path, "at most " + digits + " decimals in " + currency);
        } else if (listPrice != null && amount.compareTo(listPrice) > 0) {
            v.add(path, "the amount off " + amount.toPlainString() + " is more than the list price "
                    + listPrice.toPlainString());
        }
    }

    /**
     * Every field problem of the request at once, as a 422 with paths like {@code lines[3].quantity}: first
     * what the request's constraints say on their own, then what the catalog says (unknown sku, currency or
     * price book, no list price, a whole-unit product with a fraction, an amount off above the price).
     */
    static void validate(QuoteRequest request, CatalogSnapshot snapshot,
                         Function<String, Set<String>> currenciesOfBook) {
        Validation v = new Validation();
        VALIDATOR.validate(request).stream()
                .sorted(Comparator.comparing((ConstraintViolation<QuoteRequest> violation) -> order(violation))
                        .thenComparing(violation -> violation.getPropertyPath().toString()))
                .forEach(violation -> v.add(violation.getPropertyPath().toString(), violation.getMessage()));
        boolean currencyKnown = Money.isKnownCurrency(request.currency());
        v.require(currencyKnown, "currency", "unknown currency " + request.currency());
        boolean bookKnown = request.priceBook() != null && snapshot.hasPriceBook(request.priceBook());
        v.require(bookKnown, "priceBook", request.priceBook() == null ? "a price book is required"
                : "unknown price book " + request.priceBook());
        boolean bookHasCurrency = currencyKnown && bookKnown
                && currenciesOfBook.apply(request.priceBook()).contains(request.currency());
        if (currencyKnown && bookKnown && !bookHasCurrency) {
            v.add("currency", "price book " + request.priceBook() + " has no prices in " + request.currency());
        }
        List<QuoteLineRequest> lines = request.lines();
        if (lines == null || lines.isEmpty() || lines.size() > MAX_LINES) {
            v.throwIfInvalid();
        }
        for (int i = 0; i < lines.size(); i++) {
            String path = "lines[" + i + "]";
            QuoteLineRequest line = lines.get(i);
            if (line == null || line.sku() == null) {
                continue;
            }
            Product product = snapshot.product(line.sku()).orElse(null);
            if (product == null) {
                v.add(path + ".sku", "unknown sku " + line.sku());
            } else if (!product.active()) {
                v.add(path + ".sku", product.sku() + " is no longer sold");
            } else if (bookHasCurrency && request.startDate() != null
                    && snapshot.price(request.priceBook(), line.sku(), request.currency(), request.startDate()).isEmpty()) {
                v.add(path + ".sku", "no list price for " + line.sku() + " in " + request.priceBook() + " ("
                        + request.currency() + ") on " + request.startDate());
            }
            BigDecimal quantity = line.quantity();
            if (product != null && quantity != null && quantity.signum() > 0 && !product.fractional()
                    && quantity.stripTrailingZeros().scale() > 0) {
                v.add(path + ".quantity", product.sku() + " is sold in whole " + product.unit() + "s");
            }
            if (line.discountAmount() != null) {
                BigDecimal listPrice = product == null || !bookHasCurrency || request.startDate() == null ? null
                        : snapshot.price(request.priceBook(), line.sku(), request.currency(), request.startDate())
                        .map(PriceBookEntry::listPrice).orElse(null);
                amountOff(v, path + ".discountAmount", line, listPrice, request.currency());
            }
        }
        v.throwIfInvalid();
    }

    /** The request's own fields before its lines', so errors read top to bottom. */
    private static int order(ConstraintViolation<QuoteRequest> violation) {
        String path = violation.getPropertyPath().toString();
        return path.startsWith("customer") ? 0 : path.startsWith("lines") ? 2 : 1;
    }
}
