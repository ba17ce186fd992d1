package dealdesk.commission;

import dealdesk.auth.UserService;
import dealdesk.commission.Transaction.Product;
import dealdesk.commission.Transaction.Split;
import dealdesk.commission.engine.Estimator.Estimate;
import dealdesk.common.ApiException;
import dealdesk.common.Money;
import dealdesk.deal.CreditSplit;
import dealdesk.deal.Deal;
import dealdesk.deal.DealClosedListener;
import dealdesk.deal.DealService;
import dealdesk.quote.PricedQuote;
import dealdesk.quote.PricedQuoteLine;
import dealdesk.quote.Quote;
import dealdesk.quote.QuoteEstimate;
import dealdesk.quote.QuoteEstimator;
import dealdesk.quote.QuoteRequest;
import dealdesk.quote.QuoteService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * Where deals and quotes meet commission: a won deal's primary quote becomes
 * transactions (one per quote line, carrying ACV and TCV so the plan's credit
 * basis picks), a cancelled deal claws back, every quote shows its owner's
 * estimate and what one more point of discount costs, and open deals feed
 * the dashboard's pipeline.
 */
public class DealCommissionBridge implements DealClosedListener, QuoteEstimator, OpenPipeline {
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);
    private static final BigDecimal ONE_POINT = new BigDecimal("0.01");

    private final CommissionService commission;
    private final InsightService insights;
    private final UserService users;
    private final DealService deals;
    private final QuoteService quotes;

    public DealCommissionBridge(CommissionService commission, InsightService insights, UserService users,
                                DealService deals, QuoteService quotes) {
        this.commission = commission;
        this.insights = insights;
        this.users = users;
        this.deals = deals;
        this.quotes = quotes;
    }

    /** The transactions id of a deal closed here: never collides with a CRM's ids, which are free text. */
    public static String dealId(long id) {
        return "deal-" + id;
    }

    // ---- deals ----------------------------------------------------------------------------

    @Override
    public void dealClosedWon(Deal deal, Quote primaryQuote) {
        List<Split> splits = splits(deal);
        List<Transaction> transactions = transactions(dealId(deal.id()), deal.closedOn(), primaryQuote.priced(),
                primaryQuote.request().termMonths(), deal.account() == null ? null : deal.account().industry(),
                deal.type() == null ? null : deal.type().name(), splits);
        commission.replaceDealTransactions(dealId(deal.id()), transactions, deal.owner());
    }

    @Override
    public void dealCancelled(Deal deal, LocalDate cancelledOn) {
        commission.cancelDeal(dealId(deal.id()), cancelledOn, deal.owner());
    }

    private static List<Split> splits(Deal deal) {
        List<Split> splits = new ArrayList<>();
        if (deal.splits() == null || deal.splits().isEmpty()) {
            splits.add(new Split(deal.owner(), BigDecimal.valueOf(100)));
        } else {
            for (CreditSplit split : deal.splits()) {
                splits.add(new Split(split.username(), split.percent()));
            }
        }
        return splits;
    }

    /**
     * One transaction per priced line: amount and TCV are the line's net total
     * over the term; ACV spreads a subscription over the term in years (at least
     * one) and counts a one-time fee whole, as the quote's totals do.
     */
    static List<Transaction> transactions(String dealId, LocalDate closeDate, PricedQuote priced, Integer termMonths,
                                          String industry, String dealType, List<Split> splits) {
        int term = termMonths == null ? 12 : Math.max(1, termMonths);
        BigDecimal years = BigDecimal.valueOf(Math.max(12, term)).divide(TWELVE, 10, RoundingMode.HALF_UP);
        List<Transaction> transactions = new ArrayList<>();
        for (int i = 0; i < priced.lines().size(); i++) {
            PricedQuoteLine line = priced.lines().get(i);
            BigDecimal tcv = line.netTotal().amount();
            BigDecimal acv = line.recurring() ? tcv.divide(years, 2, RoundingMode.HALF_UP) : tcv;
            transactions.add(new Transaction(dealId + "-" + (i + 1), dealId, closeDate,
                    new Product(line.sku(), line.family(), line.quantity(), industry, dealType), tcv, priced.currency(),
                    new Transaction.Values(acv, tcv), splits, null));
        }
        return transactions;
    }

    // ---- quotes -----------------------------------------------------------------------------

    @Override
    public QuoteEstimate estimate(String owner, LocalDate closeDate, QuoteRequest request, PricedQuote quote) {
        if (owner == null || closeDate == null || quote == null || quote.lines() == null || quote.lines().isEmpty()) {
            return null;
        }
        var plan = insights.planOn(owner, closeDate);
        if (plan.isEmpty() || !plan.get().currency().getCurrencyCode().equals(quote.currency())) {
            return null; // no plan, or one that pays in another currency: nothing honest to show
        }
        List<Split> splits = List.of(new Split(owner, BigDecimal.valueOf(100)));
        String industry = request == null || request.customer() == null ? null : request.customer().industry();
        Integer term = request == null ? null : request.termMonths();
        try {
            List<Transaction> asQuoted = transactions("quote", closeDate, quote, term, industry, null, splits);
            Estimate estimate = insights.estimate(owner, closeDate, asQuoted);
            List<Transaction> discounted = new ArrayList<>();
            for (int i = 0; i < asQuoted.size(); i++) {
                discounted.add(onePointMore(asQuoted.get(i), quote.lines().get(i)));
            }
            BigDecimal cost = estimate.amount().subtract(insights.estimate(owner, closeDate, discounted).amount());
            Currency currency = Money.currency(estimate.currency());
            return new QuoteEstimate(Money.of(estimate.amount(), currency), estimate.attainmentBefore(),
                    estimate.attainmentAfter(), estimate.bandsEntered(),
                    estimate.awards().stream().map(award -> award.spif()).toList(), Money.of(cost, currency),
                    estimate.period());
        } catch (ApiException e) {
            return null; // e.g. no quota for the period: the quote still prices
        }
    }

    /** The line with one more point of discount off list: net falls by 1% of the list total. */
    private static Transaction onePointMore(Transaction transaction, PricedQuoteLine line) {
        BigDecimal listTotal = line.listTotal() == null ? transaction.amount() : line.listTotal().amount();
        BigDecimal less = listTotal.multiply(ONE_POINT);
        BigDecimal ratio = transaction.amount().signum() == 0 ? BigDecimal.ZERO
                : transaction.amount().subtract(less).max(BigDecimal.ZERO)
                .divide(transaction.amount(), 10, RoundingMode.HALF_UP);
        BigDecimal amount = transaction.amount().multiply(ratio);
        BigDecimal acv = transaction.values().acv() == null ? null : transaction.values().acv().multiply(ratio);
        return new Transaction(transaction.id(), transaction.dealId(), transaction.closeDate(), transaction.product(),
                amount, transaction.currency(), new Transaction.Values(acv, amount), transaction.splits(), null);
    }

    @Override
    public OpenDeal openDeal(String username, String dealId, LocalDate closeDate) {
        long id;
        try {
            id = Long.parseLong(dealId.startsWith("deal-") ? dealId.substring(5) : dealId);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("dealId", "dealId looks like deal-12 or 12, not " + dealId);
        }
        Deal deal = deals.load(id);
        if (!deal.stage().open()) {
            throw ApiException.invalid("dealId", "deal " + dealId + " is " + deal.stage() + "; its statement shows what it paid");
        }
        if (deal.primaryQuoteId() == null) {
            throw ApiException.invalid("dealId", "deal " + dealId + " has no primary quote to estimate");
        }
        List<Split> splits = splits(deal);
        if (splits.stream().noneMatch(split -> split.username().equals(username))) {
            throw ApiException.invalid("username", username + " has no split of deal " + dealId);
        }
        LocalDate closing = closeDate != null ? closeDate : deal.expectedCloseDate();
        if (closing == null) {
            throw ApiException.invalid("closeDate", "deal " + dealId + " has no expected close date: give closeDate");
        }
        return open(deal, splits, closing);
    }

    private OpenDeal open(Deal deal, List<Split> splits, LocalDate closing) {
        Quote quote = quotes.load(deal.primaryQuoteId());
        List<Transaction> transactions = quote.priced() == null ? List.of()
                : transactions("open-" + dealId(deal.id()), closing, quote.priced(), quote.request().termMonths(),
                        deal.account() == null ? null : deal.account().industry(),
                        deal.type() == null ? null : deal.type().name(), splits);
        return new OpenDeal(dealId(deal.id()), deal.account() == null ? null : deal.account().name(),
                deal.stage().name(), BigDecimal.valueOf(deal.probability()).movePointLeft(2), closing, transactions);
    }

    // ---- pipeline ----------------------------------------------------------------------------

    @Override
    public List<OpenDeal> openDeals(String username, LocalDate from, LocalDate to) {
        List<OpenDeal> open = new ArrayList<>();
        for (Deal deal : deals.list(users.require(username))) {
            if (!deal.stage().open() || deal.expectedCloseDate() == null || deal.expectedCloseDate().isBefore(from)
                    || deal.expectedCloseDate().isAfter(to) || deal.primaryQuoteId() == null) {
                continue;
            }
            List<Split> splits = splits(deal);
            if (splits.stream().noneMatch(split -> split.username().equals(username))) {
                continue;
            }
            OpenDeal openDeal = open(deal, splits, deal.expectedCloseDate());
            if (!openDeal.transactions().isEmpty()) {
                open.add(openDeal);
            }
        }
        return open;
    }
}
