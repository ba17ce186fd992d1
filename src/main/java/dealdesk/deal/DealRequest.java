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
 * {@code POST /deals}: owner defaults to the caller, splits to 100% for the
 * owner, stage to PROSPECTING, type to NEW, currency to the owner's plan
 * currency (else the configured default), forecast category to the stage's.
 * {@code externalId} is a CRM's id (imports match on it).
 */
public record DealRequest(
        @NotNull(message = "an account is required") @Valid Account account,
        @Size(max = 100) String owner,
        @Size(min = 1, max = 20, message = DealRequest.SPLITS)
        List<@NotNull(message = "a split is required") @Valid CreditSplit> splits,
        DealStage stage,
        @NotNull(message = "a date like 2026-12-15 is required") LocalDate expectedCloseDate,
        DealType type,
        @Size(max = 2000, message = "at most 2000 characters") String nextStep,
        @Valid BusinessCase businessCase,
        @InRange(max = InRange.TRILLION, scale = 3, message = DealRequest.AMOUNT) BigDecimal expectedAmount,
        @KnownCurrency(message = DealRequest.CURRENCY) String currency,
        ForecastCategory forecastCategory,
        @Size(max = 200, message = "an external id is 1 to 200 characters") String externalId) {
    static final String SPLITS = "1 to 20 credit splits are required";
    static final String AMOUNT = "an amount from 0 to below 1,000,000,000,000 is required";
    static final String CURRENCY = "an ISO 4217 currency code like USD or EUR is required, not {value}";

    public DealRequest(Account account, String owner, List<CreditSplit> splits, DealStage stage,
                       LocalDate expectedCloseDate, DealType type, String nextStep, BusinessCase businessCase) {
        this(account, owner, splits, stage, expectedCloseDate, type, nextStep, businessCase, null, null, null, null);
    }
}
