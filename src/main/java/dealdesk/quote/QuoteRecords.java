package dealdesk.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.Json;
import dealdesk.common.Money;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * How a stored quote row reads and writes: its request and priced JSON (amounts as plain numbers in the
 * quote's currency), the status it shows (EXPIRED once its version's validity has passed, unless accepted)
 * and the date a new version stays valid until.
 */
final class QuoteRecords {
    private final ObjectMapper mapper;
    private final Clock clock;
    private final Period validity;

    QuoteRecords(ObjectMapper mapper, Clock clock, Period validity) {
        this.mapper = mapper;
        this.clock = clock;
        this.validity = validity;
    }

    Quote toQuote(QuoteDao.QuoteRow row, List<QuoteApproval> approvals) {
        QuoteRequest stored = read(row.request(), QuoteRequest.class);
        QuoteRequest request = new QuoteRequest(row.dealId(), row.version(), stored.customer(), stored.currency(),
                stored.priceBook(), stored.termMonths(), stored.startDate(), stored.lines());
        return new Quote(row.id(), row.dealId(), row.owner(), shownStatus(row), row.version(), request,
                priced(row), approvals, row.validUntil(), row.createdAt(), row.updatedAt());
    }

    /** A stored priced quote: its amounts are plain numbers in the quote's currency. */
    PricedQuote priced(QuoteDao.QuoteRow row) {
        try {
            return Json.readerInCurrency(mapper, PricedQuote.class, Money.currency(row.currency())).readValue(row.priced());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored quote is not readable", e);
        }
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    LocalDate validUntil(Instant versionDate) {
        return LocalDate.ofInstant(versionDate, clock.getZone()).plus(validity);
    }

    boolean expired(QuoteDao.QuoteRow row) {
        return LocalDate.now(clock).isAfter(row.validUntil());
    }

    void requireNotExpired(QuoteDao.QuoteRow row) {
        if (expired(row)) {
            throw new ApiException(ErrorCode.INVALID_STATE, "quote " + row.id() + " expired on " + row.validUntil()
                    + ": it can no longer be presented or accepted; change it or clone it to quote again");
        }
    }

    /** What a quote shows: EXPIRED once its version's date has passed, unless the customer accepted it. */
    private QuoteStatus shownStatus(QuoteDao.QuoteRow row) {
        boolean lapsed = row.status() != QuoteStatus.ACCEPTED && row.status() != QuoteStatus.EXPIRED && expired(row);
        return lapsed ? QuoteStatus.EXPIRED : row.status();
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored quote is not readable", e);
        }
    }
}
