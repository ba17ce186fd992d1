package dealdesk.pipeline;

import dealdesk.commission.QuoteTransactions;
import dealdesk.commission.ExchangeRates;
import dealdesk.commission.Transaction;
import dealdesk.commission.engine.CommissionEngine;
import dealdesk.commission.plan.Plan;
import dealdesk.common.Money;
import dealdesk.deal.Deal;
import dealdesk.quote.Quote;
import dealdesk.quote.QuoteService;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * What a deal is worth to the pipeline: its primary quote's value on the
 * plan's credit basis (ACV, TCV or amount, line by line as close-won will
 * book it) once it has one, else the rep's expected amount; nothing when
 * neither is known. Without a plan the quote counts at its total amount.
 */
final class DealValues {
    private static final List<Transaction.Split> WHOLE = List.of();

    private final QuoteService quotes;
    private final ExchangeRates rates;

    DealValues(QuoteService quotes, ExchangeRates rates) {
        this.quotes = quotes;
        this.rates = rates;
    }

    /**
     * A deal's value in the currency its figures are reported in: converted at finance's rate for
     * the day the deal closed (or is expected to); null when no rate is known.
     */
    Money in(Money value, Currency currency, Deal deal) {
        if (value.currency().equals(currency)) {
            return value;
        }
        java.time.LocalDate on = deal.closedOn() != null ? deal.closedOn() : deal.expectedCloseDate();
        return rates.rate(value.currency().getCurrencyCode(), currency.getCurrencyCode(), on)
                .map(rate -> Money.of(value.amount().multiply(rate.rate()), currency))
                .orElse(null);
    }

    /** The whole deal's value (before splits), in the quote's or the deal's currency; null when unknown. */
    Money value(Deal deal, Plan plan) {
        if (deal.primaryQuoteId() != null) {
            Quote quote = quotes.load(deal.primaryQuoteId());
            if (quote.priced() != null && !quote.priced().lines().isEmpty()) {
                List<Transaction> lines = QuoteTransactions.of("pipeline-" + deal.id(), deal,
                        deal.expectedCloseDate(), quote.priced(), quote.request().termMonths(), WHOLE);
                Money total = Money.of(BigDecimal.ZERO, Currency.getInstance(quote.priced().currency()));
                for (Transaction line : lines) {
                    total = total.plus(plan == null ? line.amount() : CommissionEngine.basis(plan, line));
                }
                return total;
            }
        }
        return deal.expectedAmount();
    }

    /** The users' share of a deal in percent: the sum of their credit splits. */
    static BigDecimal share(Deal deal, java.util.Collection<String> usernames) {
        BigDecimal percent = BigDecimal.ZERO;
        for (var split : deal.splits()) {
            if (usernames.contains(split.username())) {
                percent = percent.add(split.percent());
            }
        }
        return percent;
    }
}
