package dealdesk.commission;

import dealdesk.commission.Transaction.Product;
import dealdesk.commission.Transaction.Split;
import dealdesk.common.Money;
import dealdesk.deal.CreditSplit;
import dealdesk.deal.Deal;
import dealdesk.quote.PricedQuote;
import dealdesk.quote.PricedQuoteLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A priced quote as commission transactions: one per line, carrying ACV and TCV so the plan's basis picks. */
public final class QuoteTransactions {
    private static final BigDecimal TWELVE = BigDecimal.valueOf(12);

    private QuoteTransactions() {
    }

    /** The transactions id of a deal closed here: never collides with a CRM's ids, which are free text. */
    static String dealId(long id) {
        return "deal-" + id;
    }

    /** The deal's credit splits, or its owner at 100%. */
    static List<Split> splits(Deal deal) {
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

    /** The deal's primary quote as transactions closing on a date. */
    public static List<Transaction> of(String idPrefix, Deal deal, LocalDate closeDate, PricedQuote priced,
                                Integer termMonths, List<Split> splits) {
        return of(idPrefix, closeDate, priced, termMonths, deal.account() == null ? null : deal.account().industry(),
                deal.type() == null ? null : deal.type().name(), splits);
    }

    /**
     * One transaction per priced line: amount and TCV are the line's net total
     * over the term; ACV spreads a subscription over the term in years (at least
     * one) and counts a one-time fee whole, as the quote's totals do.
     */
    static List<Transaction> of(String idPrefix, LocalDate closeDate, PricedQuote priced, Integer termMonths,
                                String industry, String dealType, List<Split> splits) {
        int term = termMonths == null ? 12 : Math.max(1, termMonths);
        BigDecimal years = BigDecimal.valueOf(Math.max(12, term)).divide(TWELVE, Money.DIVISION);
        List<Transaction> transactions = new ArrayList<>();
        for (int i = 0; i < priced.lines().size(); i++) {
            PricedQuoteLine line = priced.lines().get(i);
            Money tcv = line.netTotal();
            // rounded to the currency's minor unit: yen have none, dinars three
            Money acv = line.recurring() ? tcv.dividedBy(years).rounded() : tcv;
            transactions.add(new Transaction(idPrefix + "-" + (i + 1), idPrefix, closeDate,
                    new Product(line.sku(), line.family(), line.quantity(), industry, dealType), tcv,
                    new Transaction.Values(acv, tcv), splits, null));
        }
        return transactions;
    }
}
