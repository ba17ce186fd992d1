package dealdesk.deal;

import java.time.LocalDate;
import java.util.List;

/**
 * A deal as stored and as served. {@code closedOn} is the day it closed won or
 * lost (null while open); {@code primaryQuoteId} is the quote that a won deal
 * books (its lines and totals become commission transactions); {@code version}
 * counts changes, for optimistic locking.
 */
public record Deal(long id, Account account, String owner, List<CreditSplit> splits, DealStage stage,
                   int probability, LocalDate expectedCloseDate, LocalDate closedOn, DealType type, String nextStep,
                   BusinessCase businessCase, Long primaryQuoteId, int version, List<StageChange> stageHistory) {
}
