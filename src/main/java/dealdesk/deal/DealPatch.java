package dealdesk.deal;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code PATCH /deals/{id}}: only the fields given change. {@code version},
 * when given, must be the current one (else 409). Closing and cancelling go
 * through their own endpoints, not through {@code stage}.
 */
public record DealPatch(Integer version, Account account, List<CreditSplit> splits, DealStage stage,
                        LocalDate expectedCloseDate, DealType type, String nextStep, BusinessCase businessCase,
                        Long primaryQuoteId) {
}
