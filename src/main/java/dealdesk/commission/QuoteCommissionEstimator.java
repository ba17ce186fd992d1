package dealdesk.commission;

import dealdesk.commission.Transaction.Split;
import dealdesk.commission.engine.Estimator.Estimate;
import dealdesk.common.ApiException;
import dealdesk.common.Money;
import dealdesk.quote.PricedQuote;
import dealdesk.quote.PricedQuoteLine;
import dealdesk.quote.QuoteEstimate;
import dealdesk.quote.QuoteEstimator;
import dealdesk.quote.QuoteRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Every quote shows what it pays its owner and what one more point of discount costs them. */
public class QuoteCommissionEstimator implements QuoteEstimator {
    private static final BigDecimal ONE_POINT = new BigDecimal("0.01");

    private final EstimateService estimates;

    public QuoteCommissionEstimator(EstimateService estimates) {
        this.estimates = estimates;
    }

    @Override
    public QuoteEstimate estimate(String owner, LocalDate closeDate, QuoteRequest request, PricedQuote quote) {
        if (owner == null || closeDate == null || quote == null || quote.lines() == null || quote.lines().isEmpty()) {
            return null;
        }
        var plan = estimates.planOn(owner, closeDate);
        if (plan.isEmpty() || !plan.get().currency().getCurrencyCode().equals(quote.currency())) {
            return null; // no plan, or one that pays in another currency: nothing honest to show
        }
        List<Split> splits = List.of(new Split(owner, BigDecimal.valueOf(100)));
        String industry = request == null || request.customer() == null ? null : request.customer().industry();
        Integer term = request == null ? null : request.termMonths();
        try {
            List<Transaction> asQuoted = QuoteTransactions.of("quote", closeDate, quote, term, industry, null, splits);
            Estimate estimate = estimates.estimate(owner, closeDate, asQuoted);
            List<Transaction> discounted = new ArrayList<>();
            for (int i = 0; i < asQuoted.size(); i++) {
                discounted.add(onePointMore(asQuoted.get(i), quote.lines().get(i)));
            }
            Money cost = estimate.amount().minus(estimates.estimate(owner, closeDate, discounted).amount());
            return new QuoteEstimate(estimate.amount(), estimate.attainmentBefore(), estimate.attainmentAfter(),
                    estimate.bandsEntered(), estimate.awards().stream().map(award -> award.spif()).toList(), cost,
                    estimate.period());
        } catch (ApiException e) {
            return null; // e.g. no quota for the period: the quote still prices
        }
    }

    /** The line with one more point of discount off list: net falls by 1% of the list total. */
    private static Transaction onePointMore(Transaction transaction, PricedQuoteLine line) {
        Money amount = transaction.amount();
        Money listTotal = line.listTotal() == null ? amount : line.listTotal();
        BigDecimal ratio = amount.isZero() ? BigDecimal.ZERO
                : amount.minus(listTotal.times(ONE_POINT)).amount().max(BigDecimal.ZERO)
                .divide(amount.amount(), 10, RoundingMode.HALF_UP);
        Money discounted = amount.times(ratio);
        Money acv = transaction.values().acv() == null ? null : transaction.values().acv().times(ratio);
        return new Transaction(transaction.id(), transaction.dealId(), transaction.closeDate(), transaction.product(),
                discounted, new Transaction.Values(acv, discounted), transaction.splits(), null);
    }
}
