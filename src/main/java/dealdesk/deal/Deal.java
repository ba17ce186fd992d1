package dealdesk.deal;

import dealdesk.common.Money;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

/**
 * A deal as stored and as served. {@code closedOn} is the day it closed won or
 * lost (null while open); {@code primaryQuoteId} is the quote that a won deal
 * books (its lines and totals become commission transactions); {@code version}
 * counts changes, for optimistic locking. {@code expectedAmount} (in
 * {@code currency}) is the rep's estimate before a quote exists;
 * {@code externalId} is the CRM's id of an imported deal; {@code flags} say
 * what needs attention.
 */
public record Deal(long id, Account account, String owner, List<CreditSplit> splits, DealStage stage,
                   int probability, LocalDate expectedCloseDate, LocalDate closedOn, DealType type, String nextStep,
                   BusinessCase businessCase, Long primaryQuoteId, int version, List<StageChange> stageHistory,
                   Money expectedAmount, Currency currency, ForecastCategory forecastCategory, String externalId,
                   List<CloseDateChange> closeDateHistory, List<DealFlag> flags) {

    public Deal withFlags(List<DealFlag> newFlags) {
        return new Deal(id, account, owner, splits, stage, probability, expectedCloseDate, closedOn, type, nextStep,
                businessCase, primaryQuoteId, version, stageHistory, expectedAmount, currency, forecastCategory,
                externalId, closeDateHistory, List.copyOf(newFlags));
    }
}
