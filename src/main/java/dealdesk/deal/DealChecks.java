package dealdesk.deal;

import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.common.Money;
import dealdesk.common.Validation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a deal's fields may hold: the checks of a new deal, a patch and a close date, each error on its path. */
final class DealChecks {
    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    static final String EARLIEST = "2000-01-01";
    private static final LocalDate EARLIEST_DATE = LocalDate.parse(EARLIEST);

    private final Clock clock;
    private final UserService users;
    private final DealAdvisor advisor;
    private final Period closeDateHorizon;

    DealChecks(Clock clock, UserService users, DealAdvisor advisor, Period closeDateHorizon) {
        this.clock = clock;
        this.users = users;
        this.advisor = advisor;
        this.closeDateHorizon = closeDateHorizon;
    }

    /**
     * Checks a new deal: its fields' constraints (on {@link DealRequest}), then what they cannot say: the
     * owner and split users exist, the splits sum to 100, the stage is open, the close date is in range,
     * the amount fits its currency. The owner must exist (the caller's right to create for them is checked before).
     */
    void check(Validation v, User caller, DealRequest request) {
        v.check(request, "");
        String owner = request.owner() == null ? caller.username() : request.owner();
        if (users.find(owner).isEmpty()) {
            v.add("owner", "unknown user " + owner);
        }
        splits(v, request.splits() == null ? List.of(new CreditSplit(owner, HUNDRED)) : request.splits());
        DealStage stage = request.stage() == null ? DealStage.PROSPECTING : request.stage();
        v.require(stage.open(), "stage", "a new deal is open: PROSPECTING to NEGOTIATION");
        closeDate(v, request.expectedCloseDate(), "expectedCloseDate");
        forecast(v, request.forecastCategory());
        if (request.currency() != null || users.find(owner).isPresent()) {
            decimals(v, request.expectedAmount(), request.currency() != null ? request.currency()
                    : advisor.defaultCurrency(owner).getCurrencyCode());
        }
        v.require(request.externalId() == null || !request.externalId().isBlank(),
                "externalId", "an external id is 1 to 200 characters");
    }

    /** Checks the fields a patch gives. */
    void check(Validation v, DealPatch patch) {
        v.check(patch, "");
        if (patch.splits() != null) {
            splits(v, patch.splits());
        }
        v.require(patch.stage() == null || patch.stage().open(), "stage",
                "close a deal with close-won or close-lost, cancel it with cancel");
        closeDate(v, patch.expectedCloseDate(), "expectedCloseDate");
        forecast(v, patch.forecastCategory());
    }

    /** A close date from 2000-01-01 to today plus the configured horizon: anything else is a typo. */
    void closeDate(Validation v, LocalDate date, String path) {
        if (date == null) {
            return;
        }
        LocalDate latest = LocalDate.now(clock).plus(closeDateHorizon);
        v.require(!date.isBefore(EARLIEST_DATE) && !date.isAfter(latest), path,
                "a date from " + EARLIEST + " to " + latest + " is required");
    }

    /** An open deal's forecast category (the amount and currency are checked by their constraints). */
    private static void forecast(Validation v, ForecastCategory category) {
        v.require(category != ForecastCategory.CLOSED, "forecastCategory",
                "an open deal is PIPELINE, BEST_CASE, COMMIT or OMITTED; it is CLOSED once it closes");
    }

    /** An amount has no more decimals than its currency's minor unit (JPY none, BHD three). */
    static void decimals(Validation v, BigDecimal amount, String currency) {
        if (amount != null && currency != null && Money.isKnownCurrency(currency)) {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            v.require(amount.stripTrailingZeros().scale() <= digits, "expectedAmount",
                    "an amount in " + currency + " has at most " + digits + " decimals");
        }
    }

    /** Split users exist and appear once, and the percents sum to 100 (each split's own fields have constraints). */
    private void splits(Validation v, List<CreditSplit> splits) {
        if (splits.isEmpty() || splits.size() > 20) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < splits.size(); i++) {
            CreditSplit split = splits.get(i);
            if (split == null) {
                continue;
            }
            String path = "splits[" + i + "].username";
            if (split.username() == null || users.find(split.username()).isEmpty()) {
                v.add(path, "unknown user " + split.username());
            } else if (!seen.add(split.username())) {
                v.add(path, split.username() + " appears twice");
            }
            sum = split.percent() == null ? sum : sum.add(split.percent());
        }
        if (!v.hasErrors() && sum.compareTo(HUNDRED) != 0) {
            v.add("splits", "credit splits must sum to 100, not " + sum.toPlainString());
        }
    }
}
