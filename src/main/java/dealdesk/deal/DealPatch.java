package dealdesk.deal;

import dealdesk.common.constraints.InRange;
import dealdesk.common.constraints.KnownCurrency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code PATCH /deals/{id}}: only the fields given change. {@code version},
 * when given, must be the current one (else 409). Closing and cancelling go
 * through their own endpoints, not through {@code stage}. A stage change
 * resets the forecast category to the new stage's unless the patch sets one.
 */
public record DealPatch(
        Integer version,
        @Valid Account account,
        @Size(min = 1, max = 20, message = DealRequest.SPLITS)
        List<@NotNull(message = "a split is required") @Valid CreditSplit> splits,
        DealStage stage,
        LocalDate expectedCloseDate,
        DealType type,
        @Size(max = 2000, message = "at most 2000 characters") String nextStep,
        @Valid BusinessCase businessCase,
        Long primaryQuoteId,
        @InRange(max = InRange.TRILLION, scale = 3, message = DealRequest.AMOUNT) BigDecimal expectedAmount,
        @KnownCurrency(message = DealRequest.CURRENCY) String currency,
        ForecastCategory forecastCategory) {

    public DealPatch(Integer version, Account account, List<CreditSplit> splits, DealStage stage,
                     LocalDate expectedCloseDate, DealType type, String nextStep, BusinessCase businessCase,
                     Long primaryQuoteId) {
        this(version, account, splits, stage, expectedCloseDate, type, nextStep, businessCase, primaryQuoteId, null,
                null, null);
    }
}
