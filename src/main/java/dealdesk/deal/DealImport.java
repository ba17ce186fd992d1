package dealdesk.deal;

import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.common.ApiException;
import dealdesk.common.Csv;
import dealdesk.common.FieldError;
import dealdesk.common.Validation;
import dealdesk.common.Binding;
import dealdesk.common.SplitsText;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import jakarta.validation.constraints.NotBlank;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * Open deals from a CRM export ({@code POST /api/v1/deals} as text/csv), one
 * row per deal, matched on {@code externalId}: a new id creates a deal, a
 * known one updates it (stage and close-date changes are recorded as if made
 * here), an unchanged or closed one is left alone. All rows are checked
 * first and every problem is named as {@code rows[i].column}; then all are
 * stored in one transaction, or none.
 */
public final class DealImport {
    static final Set<String> REQUIRED = Set.of("externalId", "account", "expectedCloseDate");
    /** Where a deal request's field is in the CSV. */
    private static final Map<String, String> COLUMNS = Map.of("account.name", "account", "account.industry", "industry",
            "businessCase.problem", "problem", "businessCase.rootCause", "rootCause",
            "businessCase.compellingEvent", "compellingEvent");
    private static final int MAX_ROWS = 5_000;

    private final Jdbi jdbi;
    private final DealService deals;
    private final UserService users;

    public DealImport(Jdbi jdbi, DealService deals, UserService users) {
        this.jdbi = jdbi;
        this.deals = deals;
        this.users = users;
    }

    public record Result(int created, int updated, int unchanged, List<Long> ids) {
    }

    /**
     * One row as the CSV writes it, bound with jackson-dataformat-csv (a cell of the wrong type is named
     * at its row and column); {@link #request} is the {@code POST /deals} body it stands for, checked by
     * the same checks as a deal created here.
     */
    record Row(
            @NotBlank(message = "the CRM's id of the deal is required")
            String externalId,
            String account,
            String industry,
            String owner,
            DealStage stage,
            LocalDate expectedCloseDate,
            BigDecimal expectedAmount,
            String currency,
            DealType type,
            String nextStep,
            String problem,
            String rootCause,
            @JsonDeserialize(using = Binding.YesNo.class)
            Boolean budgetConfirmed,
            @JsonDeserialize(using = Binding.YesNo.class)
            Boolean decisionMakerEngaged,
            String compellingEvent,
            ForecastCategory forecastCategory,
            @JsonDeserialize(using = Splits.class)
            List<CreditSplit> splits) {

        DealRequest request() {
            return new DealRequest(account == null ? null : new Account(account, industry), owner, splits, stage,
                    expectedCloseDate, type, nextStep, new BusinessCase(problem, rootCause,
                    Boolean.TRUE.equals(budgetConfirmed), Boolean.TRUE.equals(decisionMakerEngaged), compellingEvent),
                    expectedAmount, currency, forecastCategory, externalId == null ? null : externalId.strip());
        }
    }

    /** {@code alice:70;bob:30}, as transaction imports write splits. */
    static final class Splits extends SplitsText<CreditSplit> {
        Splits() {
            super(CreditSplit.class);
        }

        @Override
        protected CreditSplit split(String username, BigDecimal percent) {
            return new CreditSplit(username, percent);
        }
    }

    public Result importCsv(User caller, String csv) {
        Csv.Rows<Row> rows = Csv.bind(csv, Row.class, REQUIRED);
        if (rows.rows().size() > MAX_ROWS) {
            throw ApiException.invalid("rows", "at most " + MAX_ROWS + " rows per import, not " + rows.rows().size());
        }
        List<DealRequest> requests = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < rows.rows().size(); i++) {
            String prefix = "rows[" + i + "]";
            List<FieldError> problems = new ArrayList<>(rows.problems().stream()
                    .filter(problem -> problem.path().startsWith(prefix + ".")).toList());
            problems.addAll(Validation.violations(rows.rows().get(i), prefix));
            errors.addAll(new Validation().addAll(problems).errors());
            DealRequest request = rows.rows().get(i).request();
            requests.add(request);
            if (!problems.isEmpty()) {
                continue;
            }
            Validation v = new Validation();
            String owner = request.owner() == null ? caller.username() : request.owner();
            if (users.find(owner).isPresent() && !DealAccess.canEdit(caller, owner, users)) {
                v.add("owner", "you may not import deals for " + owner);
            }
            deals.check(v, caller, request);
            Integer first = seen.putIfAbsent(request.externalId(), i);
            if (first != null) {
                v.add("externalId", request.externalId() + " appears twice, also in rows[" + first + "]");
            }
            v.errors().forEach(error -> errors.add(new FieldError(prefix + "." + COLUMNS.getOrDefault(error.path(),
                    error.path().replaceFirst("^splits.*", "splits")), error.message())));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        return externalIdTakenMeanwhile(() -> jdbi.inTransaction(handle -> {
            int created = 0;
            int updated = 0;
            int unchanged = 0;
            List<Long> ids = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                DealRequest request = requests.get(i);
                var existing = handle.attach(DealDao.class).lockByExternalId(request.externalId());
                if (existing.isEmpty()) {
                    ids.add(deals.insert(handle, caller, request));
                    created++;
                    continue;
                }
                long id = existing.get().id();
                ids.add(id);
                Deal deal;
                try {
                    deal = deals.lockForChange(handle, caller, id, null);
                } catch (ApiException e) {
                    throw ApiException.invalid("rows[" + i + "].externalId", "deal " + request.externalId()
                            + " belongs to " + existing.get().owner() + ": you may not change it");
                }
                if (!deal.stage().open() || same(deal, request)) {
                    unchanged++; // a deal closed here stays closed whatever the CRM still says
                    continue;
                }
                try {
                    deals.apply(handle, caller, deal, new DealPatch(null, request.account(), request.splits(),
                            request.stage(), request.expectedCloseDate(), request.type(), request.nextStep(),
                            request.businessCase(), null, request.expectedAmount(), request.currency(),
                            request.forecastCategory()));
                } catch (ApiException e) {
                    String prefix = "rows[" + i + "].";
                    throw new ApiException(e.code(), e.getMessage(), e.details().stream().map(error -> new FieldError(
                            prefix + COLUMNS.getOrDefault(error.path(), error.path()), error.message())).toList());
                }
                updated++;
            }
            return new Result(created, updated, unchanged, ids);
        }));
    }

    /**
     * Runs a write that inserts external ids; when another request stored the same id first
     * (the unique index refuses the second), answers 409 instead of failing.
     */
    static <T> T externalIdTakenMeanwhile(java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                throw new ApiException(dealdesk.common.ErrorCode.CONFLICT, "a deal with the same externalId was "
                        + "stored at the same time: send the request again", List.of(new FieldError("externalId",
                        "stored meanwhile by another request")));
            }
            throw e;
        }
    }

    /** Does the row say what the deal already says? Then a re-import changes nothing, not even the version. */
    private static boolean same(Deal deal, DealRequest request) {
        BigDecimal amount = deal.expectedAmount() == null ? null : deal.expectedAmount().amount();
        boolean sameSplits = request.splits() == null || request.splits().size() == deal.splits().size()
                && request.splits().stream().allMatch(split -> deal.splits().stream().anyMatch(stored ->
                stored.username().equals(split.username()) && stored.percent().compareTo(split.percent()) == 0));
        return deal.account().equals(request.account())
                && (request.stage() == null || request.stage() == deal.stage())
                && deal.expectedCloseDate().equals(request.expectedCloseDate())
                && (request.type() == null || request.type() == deal.type())
                && Objects.equals(deal.nextStep(), request.nextStep())
                && Objects.equals(deal.businessCase(), request.businessCase())
                && (request.expectedAmount() == null ? amount == null
                    : amount != null && amount.compareTo(request.expectedAmount()) == 0)
                && (request.currency() == null || request.currency().equals(deal.currency().getCurrencyCode()))
                && (request.forecastCategory() == null || request.forecastCategory() == deal.forecastCategory())
                && sameSplits;
    }
}
