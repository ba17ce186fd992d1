package dealdesk.commission;

import dealdesk.auth.UserService;
import dealdesk.commission.Transaction.Split;
import dealdesk.common.ApiException;
import dealdesk.deal.Deal;
import dealdesk.deal.DealService;
import dealdesk.quote.Quote;
import dealdesk.quote.QuoteService;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Open deals as the dashboard and deal estimates see them: what each would book if it closed. */
public class DealPipeline implements OpenPipeline {
    private final DealService deals;
    private final QuoteService quotes;
    private final UserService users;

    public DealPipeline(DealService deals, QuoteService quotes, UserService users) {
        this.deals = deals;
        this.quotes = quotes;
        this.users = users;
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
        List<Split> splits = QuoteTransactions.splits(deal);
        if (splits.stream().noneMatch(split -> split.username().equals(username))) {
            throw ApiException.invalid("username", username + " has no split of deal " + dealId);
        }
        LocalDate closing = closeDate != null ? closeDate : deal.expectedCloseDate();
        if (closing == null) {
            throw ApiException.invalid("closeDate", "deal " + dealId + " has no expected close date: give closeDate");
        }
        return open(deal, splits, closing);
    }

    @Override
    public List<OpenDeal> openDeals(String username, LocalDate from, LocalDate to) {
        List<OpenDeal> open = new ArrayList<>();
        for (Deal deal : deals.list(users.require(username))) {
            if (!deal.stage().open() || deal.expectedCloseDate() == null || deal.expectedCloseDate().isBefore(from)
                    || deal.expectedCloseDate().isAfter(to) || deal.primaryQuoteId() == null) {
                continue;
            }
            List<Split> splits = QuoteTransactions.splits(deal);
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

    private OpenDeal open(Deal deal, List<Split> splits, LocalDate closing) {
        Quote quote = quotes.load(deal.primaryQuoteId());
        String dealId = QuoteTransactions.dealId(deal.id());
        List<Transaction> transactions = quote.priced() == null ? List.of()
                : QuoteTransactions.of("open-" + dealId, deal, closing, quote.priced(), quote.request().termMonths(),
                        splits);
        return new OpenDeal(dealId, deal.account() == null ? null : deal.account().name(), deal.stage().name(),
                BigDecimal.valueOf(deal.probability()).movePointLeft(2), closing, transactions);
    }
}
