package dealdesk.commission;

import dealdesk.commission.Transaction.Product;
import dealdesk.commission.Transaction.Split;
import dealdesk.commission.api.TransactionRequest;
import dealdesk.commission.api.TransactionRequest.SplitRequest;
import dealdesk.common.ApiException;
import dealdesk.common.Csv;
import dealdesk.common.Money;
import dealdesk.common.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns imported bookings (JSON or CSV) into {@link Transaction}s, checking
 * the form of every field: all problems at once, paths like {@code [2].splits}.
 * What needs the database (users, plans) is checked by the service.
 */
public final class TransactionParser {
    private static final Set<String> REQUIRED_COLUMNS = Set.of("id", "closeDate", "amount", "currency", "splits");
    private static final Set<String> OPTIONAL_COLUMNS = Set.of("dealId", "sku", "family", "units", "industry",
            "dealType", "acv", "tcv");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private TransactionParser() {
    }

    /** Reads CSV with a header row (the JSON fields as columns); paths are {@code rows[2].amount}. */
    public static List<TransactionRequest> fromCsv(String csv) {
        List<Map<String, String>> rows = Csv.read(csv, REQUIRED_COLUMNS, OPTIONAL_COLUMNS);
        Validation validation = new Validation();
        List<TransactionRequest> requests = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            Map<String, String> values = rows.get(row);
            String path = "rows[" + row + "]";
            requests.add(new TransactionRequest(values.get("id"), values.get("dealId"), values.get("closeDate"),
                    values.get("sku"), values.get("family"), number(values.get("units"), path + ".units", validation),
                    number(values.get("amount"), path + ".amount", validation), values.get("currency"),
                    values.get("industry"), values.get("dealType"),
                    splits(values.get("splits"), path + ".splits", validation),
                    number(values.get("acv"), path + ".acv", validation),
                    number(values.get("tcv"), path + ".tcv", validation)));
        }
        validation.throwIfInvalid();
        return requests;
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
            if (request.id() == null || request.id().isBlank()) {
                validation.add(path + ".id", "id is required");
            } else if (request.id().length() > 100) {
                validation.add(path + ".id", "id is at most 100 characters");
            } else if (!ids.add(request.id())) {
                validation.add(path + ".id", "transaction " + request.id() + " appears twice in this import");
            }
            LocalDate closeDate = null;
            if (request.closeDate() == null) {
                validation.add(path + ".closeDate", "closeDate is required");
            } else {
                // a four-digit year from 2000 on: "+999999999-12-31" or "-000100-01-01" are typos PostgreSQL cannot hold
                closeDate = dealdesk.common.Dates.parse(request.closeDate())
                        .filter(date -> !date.isBefore(dealdesk.common.Dates.EARLIEST)).orElse(null);
                if (closeDate == null) {
                    validation.add(path + ".closeDate", "closeDate must be a date like 2026-11-10 from "
                            + dealdesk.common.Dates.EARLIEST + " on, not " + request.closeDate());
                }
            }
            if (request.amount() == null) {
                validation.add(path + ".amount", "amount is required");
            } else if (request.amount().signum() < 0) {
                validation.add(path + ".amount", "amount must not be negative; cancel the deal to claw back");
            } else {
                Bounds.amount(request.amount(), path + ".amount", validation);
            }
            Bounds.units(request.units(), path + ".units", validation);
            Bounds.amount(request.acv(), path + ".acv", validation);
            Bounds.amount(request.tcv(), path + ".tcv", validation);
            if (request.currency() == null) {
                validation.add(path + ".currency", "currency is required");
            } else if (!Money.isKnownCurrency(request.currency())) {
                validation.add(path + ".currency", "unknown currency " + request.currency());
            }
            List<Split> splits = new ArrayList<>();
            if (request.splits() == null || request.splits().isEmpty()) {
                validation.add(path + ".splits", "splits are required, e.g. [{username: alice, percent: 100}]");
            } else {
                BigDecimal total = BigDecimal.ZERO;
                Set<String> users = new HashSet<>();
                for (int s = 0; s < request.splits().size(); s++) {
                    SplitRequest split = request.splits().get(s);
                    String splitPath = path + ".splits[" + s + "]";
                    if (split == null || split.username() == null || split.username().isBlank()) {
                        validation.add(splitPath + ".username", "username is required");
                        continue;
                    }
                    if (!users.add(split.username())) {
                        validation.add(splitPath + ".username", split.username() + " appears twice in the splits");
                    }
                    if (split.percent() == null || split.percent().signum() <= 0 || split.percent().compareTo(HUNDRED) > 0
                            || split.percent().stripTrailingZeros().scale() > 4) {
                        validation.add(splitPath + ".percent", "percent must be above 0 and at most 100 (4 decimals)");
                        continue;
                    }
                    total = total.add(split.percent());
                    splits.add(new Split(split.username(), split.percent()));
                }
                if (splits.size() == request.splits().size() && total.compareTo(HUNDRED) != 0) {
                    validation.add(path + ".splits", "splits must sum to 100, not " + total.stripTrailingZeros().toPlainString());
                }
            }
            transactions.add(Transaction.requested(request.id(), request.dealId() == null ? request.id() : request.dealId(),
                    closeDate, new Product(request.sku(), request.family(), request.units(), request.industry(),
                    request.dealType()), request.amount(), request.currency(), request.acv(), request.tcv(), splits));
        }
        return transactions;
    }

    private static List<SplitRequest> splits(String text, String path, Validation validation) {
        if (text == null || text.isBlank()) {
            return null;
        }
        List<SplitRequest> splits = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] pieces = part.trim().split(":");
            if (pieces.length != 2) {
                validation.add(path, "splits are written like alice:70;bob:30, not " + text);
                return null;
            }
            BigDecimal percent = number(pieces[1], path, validation);
            splits.add(new SplitRequest(pieces[0].trim(), percent));
        }
        return splits;
    }

    private static BigDecimal number(String text, String path, Validation validation) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            validation.add(path, "must be a number, not " + text);
            return null;
        }
    }

}
