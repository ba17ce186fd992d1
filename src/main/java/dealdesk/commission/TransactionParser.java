package dealdesk.commission;

import dealdesk.commission.Transaction.Product;
import dealdesk.commission.Transaction.Split;
import dealdesk.commission.api.TransactionRequest;
import dealdesk.commission.api.TransactionRequest.SplitRequest;
import dealdesk.common.ApiException;
import dealdesk.common.Csv;
import dealdesk.common.Dates;
import dealdesk.common.FieldError;
import dealdesk.common.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns imported bookings (JSON or CSV) into {@link Transaction}s, checking
 * the form of every field: all problems at once, paths like {@code [2].splits}.
 * What needs the database (users, plans) is checked by the service.
 */
public final class TransactionParser {
    private static final Set<String> REQUIRED_COLUMNS = Set.of("id", "closeDate", "amount", "currency", "splits");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TransactionParser() {
    }

    /**
     * Reads CSV with a header row (the JSON fields as columns) into the same requests as the JSON body;
     * paths are {@code rows[2].amount}. Cells that do not fit their column (a text where a number
     * belongs) are a 422 here, with every other problem of the rows' form; the rows are checked again
     * with the database's questions by the service, as a JSON body is.
     */
    public static List<TransactionRequest> fromCsv(String csv) {
        Csv.Rows<TransactionRequest> rows = Csv.bind(csv, TransactionRequest.class, REQUIRED_COLUMNS);
        if (!rows.problems().isEmpty()) {
            Validation validation = new Validation();
            validate(rows.rows(), rows.problems(), "rows", validation);
            validation.throwIfInvalid();
        }
        return rows.rows();
    }

    /** Checks the form of every booking; a 422 listing every problem, or the transactions. */
    public static List<Transaction> validate(List<TransactionRequest> requests) {
        return validate(requests, "");
    }

    /** As {@link #validate(List)}, with paths under {@code prefix} ({@code rows} for CSV). */
    public static List<Transaction> validate(List<TransactionRequest> requests, String prefix) {
        Validation validation = new Validation();
        List<Transaction> transactions = validate(requests, prefix, validation);
        validation.throwIfInvalid();
        return transactions;
    }

    /** Adds every problem to {@code validation}; returns the transactions, some possibly incomplete. */
    public static List<Transaction> validate(List<TransactionRequest> requests, String prefix, Validation validation) {
        return validate(requests, List.of(), prefix, validation);
    }

    private static List<Transaction> validate(List<TransactionRequest> requests, List<FieldError> bindingProblems,
                                              String prefix, Validation validation) {
        validation.addAll(bindingProblems);
        if (requests == null || requests.isEmpty()) {
            throw ApiException.invalid("body", "send at least one transaction");
        }
        List<Transaction> transactions = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < requests.size(); i++) {
            TransactionRequest request = requests.get(i);
            String path = prefix + "[" + i + "]";
            if (request == null) {
                validation.add(path, "a transaction is required, not null");
                continue;
            }
            List<FieldError> problems = Validation.violations(request, path);
            validation.addAll(problems);
            if (request.id() != null && !ids.add(request.id())) {
                validation.add(path + ".id", "transaction " + request.id() + " appears twice in this import");
            }
            LocalDate closeDate = Dates.parse(request.closeDate()).orElse(null);
            if (closeDate != null && closeDate.isBefore(Dates.EARLIEST)) {
                validation.add(path + ".closeDate", "closeDate must be from " + Dates.EARLIEST + " on, not " + closeDate);
            }
            List<Split> splits = new ArrayList<>();
            if (request.splits() != null) {
                BigDecimal total = BigDecimal.ZERO;
                Set<String> users = new HashSet<>();
                for (int s = 0; s < request.splits().size(); s++) {
                    SplitRequest split = request.splits().get(s);
                    if (split == null || split.username() == null || split.percent() == null) {
                        continue;
                    }
                    if (!users.add(split.username())) {
                        validation.add(path + ".splits[" + s + "].username", split.username() + " appears twice in the splits");
                    }
                    total = total.add(split.percent());
                    splits.add(new Split(split.username(), split.percent()));
                }
                String splitsPath = path + ".splits";
                boolean splitsValid = problems.stream().noneMatch(problem -> problem.path().startsWith(splitsPath));
                if (splitsValid && !splits.isEmpty() && total.compareTo(HUNDRED) != 0) {
                    validation.add(splitsPath, "splits must sum to 100, not " + total.stripTrailingZeros().toPlainString());
                }
            }
            transactions.add(Transaction.requested(request.id(), request.dealId() == null ? request.id() : request.dealId(),
                    closeDate, new Product(request.sku(), request.family(), request.units(), request.industry(),
                    request.dealType()), request.amount(), request.currency(), request.acv(), request.tcv(), splits));
        }
        return transactions;
    }
}
