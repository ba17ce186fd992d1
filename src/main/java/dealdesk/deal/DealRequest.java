package dealdesk.deal;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /deals}: owner defaults to the caller, splits to 100% for the
 * owner, stage to PROSPECTING, type to NEW.
 */
public record DealRequest(Account account, String owner, List<CreditSplit> splits, DealStage stage,
                          LocalDate expectedCloseDate, DealType type, String nextStep, BusinessCase businessCase) {
}
