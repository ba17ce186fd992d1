package dealdesk.finance;

import dealdesk.common.ApiException;
import dealdesk.common.Audit;
import dealdesk.common.Csv;
import dealdesk.common.Money;
import dealdesk.common.Dates;
import dealdesk.common.Validation;
import dealdesk.common.constraints.InRange;
import dealdesk.common.constraints.IsoDate;
import dealdesk.common.constraints.KnownCurrency;
import jakarta.validation.constraints.NotNull;
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
    static final int MAX_RATE_SCALE = 10;

    private final Jdbi jdbi;
    private final Clock clock;

    public ExchangeRateService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /**
     * A rate as PUT /api/v1/exchange-rates takes it: {from, to, date, rate}, an element of the JSON array
     * or a CSV row with those columns, checked by these constraints either way.
     */
    public record RateRequest(
            @NotNull(message = "from is required: an ISO code like EUR")
            @KnownCurrency(message = "unknown currency {value}; use an ISO code like EUR")
            String from,
            @NotNull(message = "to is required: an ISO code like USD")
            @KnownCurrency(message = "unknown currency {value}; use an ISO code like USD")
            String to,
            @NotNull(message = "a date like 2026-11-23 is required")
            @IsoDate
            String date,
            @NotNull(message = "rate is required: how many of 'to' one 'from' buys")
            @InRange(min = "0", minInclusive = false, max = InRange.TRILLION, scale = MAX_RATE_SCALE,
                    belowMin = "rate must be above 0")
            BigDecimal rate) {
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
        Csv.Rows<RateRequest> rows = Csv.bind(csv, RateRequest.class, COLUMNS);
        if (!rows.problems().isEmpty()) {
            throw ApiException.invalid(new Validation().addAll(rows.problems()).errors());
        }
        return rows.rows();
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
            validation.check(request, path);
            if (request.to() != null && request.to().equals(request.from())) {
                validation.add(path + ".to", "a rate converts between two different currencies");
            }
            LocalDate date = Dates.parse(request.date()).orElse(null);
            BigDecimal rate = request.rate();
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
