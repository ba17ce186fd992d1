package dealdesk.finance;

import dealdesk.common.ApiException;
import dealdesk.common.Audit;
import dealdesk.common.Csv;
import dealdesk.common.Money;
import dealdesk.common.Validation;
import dealdesk.common.Values;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/**
 * The table of dated exchange rates finance keeps: a booking in another
 * currency than its plan's is converted at the rate of its close date (the
 * latest rate starting on or before it). Every change is audited.
 */
public class ExchangeRateService {
    private static final Set<String> COLUMNS = Set.of("from", "to", "date", "rate");
    /** Rates keep at most this many decimals; more is a typo, not precision. */
    private static final int MAX_RATE_SCALE = 10;

    private final Jdbi jdbi;
    private final Clock clock;

    public ExchangeRateService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** A rate as PUT /api/v1/exchange-rates takes it: {from, to, date, rate}. */
    public record RateRequest(String from, String to, String date, BigDecimal rate) {
    }

    public record PutResult(int stored, List<ExchangeRate> rates) {
    }

    public List<ExchangeRate> list(String from, String to) {
        Validation validation = new Validation();
        if (from != null && !Money.isKnownCurrency(from)) {
            validation.add("from", "unknown currency " + from);
        }
        if (to != null && !Money.isKnownCurrency(to)) {
            validation.add("to", "unknown currency " + to);
        }
        validation.throwIfInvalid();
        return jdbi.withExtension(ExchangeRateDao.class, dao -> dao.list(from, to));
    }

    /** The rate converting {@code from} into {@code to} on a day, if finance has entered one on or before it. */
    public Optional<ExchangeRate> rateOn(String from, String to, LocalDate on) {
        return jdbi.withExtension(ExchangeRateDao.class, dao -> dao.on(from, to, on));
    }

    /** The rate as bookings are converted at: the latest on or before the close date (the commission seam). */
    public Optional<dealdesk.commission.ExchangeRates.Rate> rate(String from, String to, LocalDate on) {
        return rateOn(from, to, on).map(rate -> new dealdesk.commission.ExchangeRates.Rate(rate.rate(), rate.date()));
    }

    /** Reads CSV with the header {@code from,to,date,rate}; paths are {@code rows[2].rate}. */
    public static List<RateRequest> fromCsv(String csv) {
        List<Map<String, String>> rows = Csv.read(csv, COLUMNS, Set.of());
        Validation validation = new Validation();
        List<RateRequest> requests = new ArrayList<>();
        for (int row = 0; row < rows.size(); row++) {
            Map<String, String> values = rows.get(row);
            BigDecimal rate = Values.decimal(values.get("rate"), "rows[" + row + "].rate", validation);
            requests.add(new RateRequest(values.get("from"), values.get("to"), values.get("date"), rate));
        }
        validation.throwIfInvalid();
        return requests;
    }

    /** Stores rates all or nothing; a rate for a pair and day already held replaces it. */
    public PutResult put(List<RateRequest> requests, String pathPrefix, String actor) {
        if (requests == null || requests.isEmpty()) {
            throw ApiException.invalid(pathPrefix.isEmpty() ? "body" : pathPrefix,
                    "send at least one rate: [{from, to, date, rate}]");
        }
        Validation validation = new Validation();
        Set<String> seen = new HashSet<>();
        List<ExchangeRate> rates = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            RateRequest request = requests.get(i);
            String path = pathPrefix + "[" + i + "]";
            if (request == null) {
                validation.add(path, "a rate is required, not null");
                continue;
            }
            if (!Money.isKnownCurrency(request.from())) {
                validation.add(path + ".from", "unknown currency " + request.from() + "; use an ISO code like EUR");
            }
            if (!Money.isKnownCurrency(request.to())) {
                validation.add(path + ".to", "unknown currency " + request.to() + "; use an ISO code like USD");
            } else if (request.to().equals(request.from())) {
                validation.add(path + ".to", "a rate converts between two different currencies");
            }
            LocalDate date = Values.date(request.date(), path + ".date", validation);
            BigDecimal rate = request.rate();
            if (rate == null) {
                validation.add(path + ".rate", "rate is required: how many " + request.to() + " one " + request.from()
                        + " buys");
            } else if (rate.signum() <= 0) {
                validation.add(path + ".rate", "rate must be above 0");
            } else if (rate.compareTo(Values.ABSURD) >= 0) {
                validation.add(path + ".rate", "must be below 1,000,000,000,000");
            } else if (rate.stripTrailingZeros().scale() > MAX_RATE_SCALE) {
                validation.add(path + ".rate", "at most " + MAX_RATE_SCALE + " decimals");
            }
            if (date != null && !seen.add(request.from() + ">" + request.to() + "@" + date)) {
                validation.add(path + ".date", "the same pair and date appear twice");
            }
            if (date != null && rate != null) {
                rates.add(new ExchangeRate(request.from(), request.to(), date, rate, actor, clock.instant()));
            }
        }
        validation.throwIfInvalid();
        jdbi.useTransaction(handle -> {
            ExchangeRateDao dao = handle.attach(ExchangeRateDao.class);
            for (ExchangeRate rate : rates) {
                Optional<ExchangeRate> before = dao.exact(rate.from(), rate.to(), rate.date());
                dao.put(rate.from(), rate.to(), rate.date(), rate.rate(), actor, rate.updatedAt());
                Audit.record(handle, actor, "PUT_EXCHANGE_RATE", "exchange_rate",
                        rate.from() + ">" + rate.to() + "@" + rate.date(),
                        before.map(ExchangeRateService::summary).orElse(null), summary(rate));
            }
        });
        return new PutResult(rates.size(), rates);
    }

    private static Map<String, Object> summary(ExchangeRate rate) {
        return Map.of("from", rate.from(), "to", rate.to(), "date", rate.date().toString(), "rate", rate.rate());
    }
}
