package dealdesk.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code POST /deals}: owner defaults to the caller, splits to 100% for the
 * owner, stage to PROSPECTING, type to NEW, currency to the owner's plan
 * currency (else the configured default), forecast category to the stage's.
 * {@code externalId} is a CRM's id (imports match on it).
 */
public record DealRequest(Account account, String owner, List<CreditSplit> splits, DealStage stage,
                          LocalDate expectedCloseDate, DealType type, String nextStep, BusinessCase businessCase,
                          BigDecimal expectedAmount, String currency, ForecastCategory forecastCategory,
                          String externalId) {

    public DealRequest(Account account, String owner, List<CreditSplit> splits, DealStage stage,
                       LocalDate expectedCloseDate, DealType type, String nextStep, BusinessCase businessCase) {
        this(account, owner, splits, stage, expectedCloseDate, type, nextStep, businessCase, null, null, null, null);
    }
}
