package dealdesk.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dealdesk.auth.User;
import dealdesk.common.Validation;
import dealdesk.common.Values;
import dealdesk.pricing.Totals;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * Finding quotes: GET /api/v1/quotes with filters (owner, status, deal, a customer or account search, the
 * quotes waiting for the caller's decision), paginated. Each role sees what it may: a rep their own quotes and
 * those of deals they own or share, a manager also their team's, finance and admins all.
 */
public class QuoteSearch {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    /** One quote in a list: who, for whom, where it stands and what it is worth. */
    public record Item(long id, long dealId, String owner, String accountName, String customerName, QuoteStatus status,
                       int version, String currency, Totals totals, Instant updatedAt) {
    }

    /** A page of quotes: {@code total} counts every match, {@code items} the ones from offset on. */
    public record Page(List<Item> items, long total, int limit, int offset) {
    }

    /** The filters as typed in a query string; every one may be absent. */
    public record Criteria(String owner, String status, String dealId, String q, String awaitingMyApproval,
                           String limit, String offset) {
        public static Criteria none() {
            return new Criteria(null, null, null, null, null, null, null);
        }
    }

    private final Jdbi jdbi;
    private final ObjectMapper mapper;

    public QuoteSearch(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.mapper = mapper;
    }

    public Page search(User viewer, Criteria criteria) {
        Validation validation = new Validation();
        String owner = blankToNull(criteria.owner());
        validation.require(owner == null || owner.matches("[a-z0-9][a-z0-9._-]{1,63}"), "owner",
                "not a username: " + owner);
        QuoteStatus status = blankToNull(criteria.status()) == null ? null
                : Values.enumValue(QuoteStatus.class, criteria.status(), "status", validation);
        Long dealId = whole(criteria.dealId(), "dealId", 1, Long.MAX_VALUE, null, validation);
        String q = blankToNull(criteria.q());
        validation.require(q == null || q.length() <= 200, "q", "search for at most 200 characters");
        Boolean awaiting = Values.bool(blankToNull(criteria.awaitingMyApproval()), "awaitingMyApproval", validation);
        Long limit = whole(criteria.limit(), "limit", 1, MAX_LIMIT, (long) DEFAULT_LIMIT, validation);
        Long offset = whole(criteria.offset(), "offset", 0, 1_000_000, 0L, validation);
        validation.throwIfInvalid();

        QuoteSearchDao.Filter filter = new QuoteSearchDao.Filter(viewer.username(), viewer.role().name(), owner,
                status == null ? null : status.name(), dealId, q == null ? null : "%" + likeEscaped(q) + "%",
                Boolean.TRUE.equals(awaiting), limit.intValue(), offset.intValue());
        List<QuoteSearchDao.Row> rows = jdbi.withExtension(QuoteSearchDao.class, dao -> dao.search(filter));
        long total = rows.isEmpty() ? (offset == 0 ? 0 : count(viewer, filter)) : rows.get(0).total();
        return new Page(rows.stream().map(this::item).toList(), total, limit.intValue(), offset.intValue());
    }

    /** The request of one earlier version of a quote (for "what changed"), without an access check. */
    public java.util.Optional<QuoteRequest> versionRequest(long quoteId, int version) {
        return jdbi.withExtension(QuoteSearchDao.class, dao -> dao.request(quoteId, version))
                .map(json -> read(json, QuoteRequest.class));
    }

    /** The latest earlier version whose approvals were all given, if any. */
    public java.util.Optional<Integer> lastApprovedBefore(long quoteId, int version) {
        return jdbi.withExtension(QuoteSearchDao.class, dao -> dao.lastApprovedBefore(quoteId, version));
    }

    /** Past the last page there are no rows to carry the count: ask for the first row's. */
    private long count(User viewer, QuoteSearchDao.Filter filter) {
        QuoteSearchDao.Filter first = new QuoteSearchDao.Filter(filter.viewer(), filter.role(), filter.owner(),
                filter.status(), filter.dealId(), filter.pattern(), filter.awaitingMyApproval(), 1, 0);
        return jdbi.withExtension(QuoteSearchDao.class, dao -> dao.search(first)).stream()
                .findFirst().map(QuoteSearchDao.Row::total).orElse(0L);
    }

    private Item item(QuoteSearchDao.Row row) {
        return new Item(row.id(), row.dealId(), row.owner(), row.accountName(), row.customerName(), row.status(),
                row.version(), row.currency(), row.totals() == null ? null : totals(row),
                row.updatedAt());
    }

    private static Long whole(String text, String path, long min, long max, Long absent, Validation validation) {
        if (blankToNull(text) == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text.strip());
            if (value < min || value > max) {
                validation.add(path, "must be from " + min + " to " + max + ", got " + value);
                return absent;
            }
            return value;
        } catch (NumberFormatException e) {
            validation.add(path, "not a whole number: " + text);
            return absent;
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Stored totals are plain numbers in the quote's currency. */
    private Totals totals(QuoteSearchDao.Row row) {
        try {
            return dealdesk.common.Json.readerInCurrency(mapper, Totals.class, dealdesk.common.Money.currency(row.currency()))
                    .readValue(row.totals());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("stored quote is not readable", e);
        }
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored quote is not readable", e);
        }
    }
}
