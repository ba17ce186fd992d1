package dealdesk.deal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code PATCH /deals/{id}}: only the fields given change. {@code version},
 * when given, must be the current one (else 409). Closing and cancelling go
 * through their own endpoints, not through {@code stage}. A stage change
 * resets the forecast category to the new stage's unless the patch sets one.
 */
public record DealPatch(Integer version, Account account, List<CreditSplit> splits, DealStage stage,
                        LocalDate expectedCloseDate, DealType type, String nextStep, BusinessCase businessCase,
                        Long primaryQuoteId, BigDecimal expectedAmount, String currency,
                        ForecastCategory forecastCategory) {

    public DealPatch(Integer version, Account account, List<CreditSplit> splits, DealStage stage,
                     LocalDate expectedCloseDate, DealType type, String nextStep, BusinessCase businessCase,
                     Long primaryQuoteId) {
        this(version, account, splits, stage, expectedCloseDate, type, nextStep, businessCase, primaryQuoteId, null,
                null, null);
    }
}
