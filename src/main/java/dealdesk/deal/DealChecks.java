package dealdesk.deal;

import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.common.Money;
import dealdesk.common.Validation;
import dealdesk.common.Values;
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

    /** Checks a new deal; the owner must exist (the caller's right to create for them is checked before). */
    void check(Validation v, User caller, DealRequest request) {
        String owner = request.owner() == null ? caller.username() : request.owner();
        account(v, request.account());
        if (users.find(owner).isEmpty()) {
            v.add("owner", "unknown user " + owner);
        }
        splits(v, request.splits() == null ? List.of(new CreditSplit(owner, HUNDRED)) : request.splits());
        DealStage stage = request.stage() == null ? DealStage.PROSPECTING : request.stage();
        v.require(stage.open(), "stage", "a new deal is open: PROSPECTING to NEGOTIATION");
        v.require(request.expectedCloseDate() != null, "expectedCloseDate", "a date like 2026-12-15 is required");
        closeDate(v, request.expectedCloseDate(), "expectedCloseDate");
        text(v, request.nextStep(), "nextStep");
        businessCase(v, request.businessCase());
        forecast(v, request.expectedAmount(), request.currency(), request.forecastCategory());
        if (request.currency() != null || users.find(owner).isPresent()) {
            decimals(v, request.expectedAmount(), request.currency() != null ? request.currency()
                    : advisor.defaultCurrency(owner).getCurrencyCode());
        }
        v.require(request.externalId() == null || (!request.externalId().isBlank() && request.externalId().length() <= 200),
                "externalId", "an external id is 1 to 200 characters");
    }

    /** Checks the fields a patch gives. */
    void check(Validation v, DealPatch patch) {
        if (patch.account() != null) {
            account(v, patch.account());
        }
        if (patch.splits() != null) {
            splits(v, patch.splits());
        }
        v.require(patch.stage() == null || patch.stage().open(), "stage",
                "close a deal with close-won or close-lost, cancel it with cancel");
        text(v, patch.nextStep(), "nextStep");
        businessCase(v, patch.businessCase());
        closeDate(v, patch.expectedCloseDate(), "expectedCloseDate");
        forecast(v, patch.expectedAmount(), patch.currency(), patch.forecastCategory());
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

    /** Expected amount, currency and forecast category, as a request gives them. */
    private static void forecast(Validation v, BigDecimal amount, String currency, ForecastCategory category) {
        v.require(currency == null || Money.isKnownCurrency(currency), "currency",
                "an ISO 4217 currency code like USD or EUR is required, not " + currency);
        v.require(amount == null || amount.signum() >= 0 && amount.compareTo(Values.ABSURD) < 0, "expectedAmount",
                "an amount from 0 to below 1,000,000,000,000 is required");
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

    private void account(Validation v, Account account) {
        if (account == null) {
            v.add("account", "an account is required");
            return;
        }
        v.require(account.name() != null && !account.name().isBlank() && account.name().length() <= 200,
                "account.name", "an account name is required (at most 200 characters)");
        text(v, account.industry(), "account.industry");
    }

    private void splits(Validation v, List<CreditSplit> splits) {
        if (splits.isEmpty() || splits.size() > 20) {
            v.add("splits", "1 to 20 credit splits are required");
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < splits.size(); i++) {
            CreditSplit split = splits.get(i);
            String path = "splits[" + i + "]";
            if (split == null) {
                v.add(path, "a split is required");
                continue;
            }
            if (split.username() == null || users.find(split.username()).isEmpty()) {
                v.add(path + ".username", "unknown user " + split.username());
            } else if (!seen.add(split.username())) {
                v.add(path + ".username", split.username() + " appears twice");
            }
            if (split.percent() == null || split.percent().signum() <= 0 || split.percent().compareTo(HUNDRED) > 0
                    || split.percent().stripTrailingZeros().scale() > 4) {
                v.add(path + ".percent", "a percent above 0 and at most 100 is required");
            } else {
                sum = sum.add(split.percent());
            }
        }
        if (!v.hasErrors() && sum.compareTo(HUNDRED) != 0) {
            v.add("splits", "credit splits must sum to 100, not " + sum.toPlainString());
        }
    }

    private static void businessCase(Validation v, BusinessCase businessCase) {
        if (businessCase != null) {
            text(v, businessCase.problem(), "businessCase.problem");
            text(v, businessCase.rootCause(), "businessCase.rootCause");
            text(v, businessCase.compellingEvent(), "businessCase.compellingEvent");
        }
    }

    private static void text(Validation v, String value, String path) {
        v.require(value == null || value.length() <= 2000, path, "at most 2000 characters");
    }
}
