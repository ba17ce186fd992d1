package dealdesk.quote;

import com.fasterxml.jackson.databind.ObjectMapper;
import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.FieldError;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Quotes: preview (writes nothing), create, change (a new version; a stale
 * version is a 409), submit, approve, reject, present, accept. A submitted
 * version asks for the approvals its pricing needs, except those an earlier
 * version already got for the same level, metric and threshold at a figure
 * at least as high.
 */
public class QuoteService {
    private static final Set<QuoteStatus> CLOSABLE = Set.of(QuoteStatus.APPROVED, QuoteStatus.PRESENTED, QuoteStatus.ACCEPTED);

    private final Jdbi jdbi;
    private final Clock clock;
    private final QuotePricer pricer;
    private final UserService users;
    private final QuoteDeals deals;
    private final QuoteRecords records;

    /** {@code validity}: how long after its date a version may be presented or accepted (e.g. 30 days). */
    public QuoteService(Jdbi jdbi, ObjectMapper mapper, Clock clock, QuotePricer pricer, UserService users,
                        QuoteDeals deals, Period validity) {
        this.jdbi = jdbi;
        this.clock = clock;
        this.pricer = pricer;
        this.users = users;
        this.deals = deals;
        this.records = new QuoteRecords(mapper, clock, validity);
    }

    /** Prices without saving. With a deal, the estimate is the deal owner's at its expected close. */
    public PricedQuote preview(User caller, QuoteRequest request) {
        requireBody(request);
        if (request.dealId() == null) {
            return pricer.price(request, caller.username(), request.startDate());
        }
        QuoteDeals.QuotedDeal deal = visibleDeal(caller, request.dealId());
        PricedQuote priced = pricer.price(request, deal.owner(), deal.expectedClose());
        // a split user sees the deal's prices, not the owner's pay
        return users.canSeeMoneyOf(caller, deal.owner()) ? priced : priced.withEstimate(null);
    }

    public Quote create(User caller, QuoteRequest request) {
        requireBody(request);
        if (request.dealId() == null) {
            throw ApiException.invalid("dealId", "a quote belongs to a deal: dealId is required");
        }
        QuoteDeals.QuotedDeal deal = deals.find(request.dealId())
                .orElseThrow(() -> ApiException.invalid("dealId", "unknown deal " + request.dealId()));
        if (!deals.mayChange(caller, deal.owner())) {
            throw ApiException.forbidden("you may not quote on deal " + deal.id());
        }
        if (!deal.open()) {
            throw new ApiException(ErrorCode.INVALID_STATE, "deal " + deal.id() + " is " + deal.stage());
        }
        PricedQuote priced = pricer.price(request, null, null);
        Instant now = clock.instant();
        long id = jdbi.inTransaction(handle -> {
            QuoteDao dao = handle.attach(QuoteDao.class);
            long newId = dao.insert(deal.id(), deal.owner(), request.currency(), priced.totals().tcv(),
                    priced.totals().acv(), now);
            dao.insertVersion(newId, 1, records.write(request), records.write(priced), caller.username(), now,
                    records.validUntil(now));
            deals.quoteAdded(handle, deal.id(), newId);
            return newId;
        });
        return withEstimate(caller, load(id));
    }

    public Quote get(User viewer, long id) {
        Quote quote = load(id);
        QuoteDeals.QuotedDeal deal = deals.find(quote.dealId()).orElseThrow();
        if (!deals.maySee(viewer, deal)) {
            throw ApiException.forbidden("you may not see quote " + id);
        }
        return withEstimate(viewer, quote);
    }

    /** The quote without an access check or estimate, for other features (proposals, commission). */
    public Quote load(long id) {
        return jdbi.withHandle(handle -> {
            QuoteDao dao = handle.attach(QuoteDao.class);
            QuoteDao.QuoteRow row = dao.find(id).orElseThrow(() -> ApiException.notFound("quote", id));
            return records.toQuote(row, dao.approvals(id, row.version()));
        });
    }

    /** The ids of a deal's quotes, inside the caller's transaction. */
    public List<Long> quotesOfDeal(Handle handle, long dealId) {
        return handle.attach(QuoteDao.class).ofDeal(dealId).stream().map(QuoteDao.QuoteRow::id).toList();
    }

    /** Saves a changed quote as a new version in DRAFT; {@code request.version()} must be the current one. */
    public Quote update(User caller, long id, QuoteRequest request) {
        requireBody(request);
        if (request.version() == null) {
            throw ApiException.invalid("version", "the version you read is required, to not overwrite another change");
        }
        PricedQuote priced = pricer.price(request, null, null);
        jdbi.useTransaction(handle -> {
            QuoteDao dao = handle.attach(QuoteDao.class);
            QuoteDao.QuoteRow row = lockForChange(handle, caller, id, request.version());
            if (request.dealId() != null && request.dealId() != row.dealId()) {
                throw ApiException.invalid("dealId", "a quote stays with its deal " + row.dealId());
            }
            if (row.status() == QuoteStatus.ACCEPTED || row.status() == QuoteStatus.EXPIRED) {
                throw new ApiException(ErrorCode.INVALID_STATE, "quote " + id + " is " + row.status() + " and cannot change");
            }
            int version = row.version() + 1;
            Instant now = clock.instant();
            QuoteRequest stored = new QuoteRequest(row.dealId(), null, request.customer(), request.currency(),
                    request.priceBook(), request.termMonths(), request.startDate(), request.lines());
            dao.insertVersion(id, version, records.write(stored), records.write(priced), caller.username(), now,
                    records.validUntil(now));
            dao.newVersion(id, version, request.currency(), priced.totals().tcv(),
                    priced.totals().acv(), now);
        });
        return withEstimate(caller, load(id));
    }

    /**
     * Submits the current version: refused while it has errors; approvals an
     * earlier version got for the same level, metric and threshold, at a figure
     * at least as high, carry over; with no
     * approval left to ask the quote is APPROVED at once.
     */
    public Quote submit(User caller, long id, ApprovalDecision body) {
        jdbi.useTransaction(handle -> {
            QuoteDao dao = handle.attach(QuoteDao.class);
            QuoteDao.QuoteRow row = lockForChange(handle, caller, id, body == null ? null : body.version());
            if (row.status() != QuoteStatus.DRAFT && row.status() != QuoteStatus.REJECTED) {
                throw new ApiException(ErrorCode.INVALID_STATE, "quote " + id + " is " + row.status()
                        + "; change it to submit a new version");
            }
            PricedQuote priced = records.priced(row);
            if (!priced.valid()) {
                throw new ApiException(ErrorCode.VALIDATION_FAILED, "quote " + id + " has errors to fix before submitting",
                        priced.errors().stream().map(error -> new FieldError(error.path(), error.message())).toList());
            }
            if (!dao.approvals(id, row.version()).isEmpty()) {
                // A rejected version asks again from scratch: drop nothing, ask on a new version only.
                throw new ApiException(ErrorCode.INVALID_STATE, "version " + row.version()
                        + " was already decided; change the quote to submit again");
            }
            boolean pending = QuoteApprovals.ask(dao, id, row.version(), priced.approvals());
            Instant now = clock.instant();
            dao.setStatus(id, pending ? QuoteStatus.PENDING_APPROVAL : QuoteStatus.APPROVED, now);
        });
        return withEstimate(caller, load(id));
    }

    /** Approves every pending approval the caller may give; the last one makes the quote APPROVED. */
    public Quote approve(User approver, long id, ApprovalDecision body) {
        return decide(approver, id, body, ApprovalStatus.APPROVED);
    }

    /** Rejects the pending approvals the caller may decide; the quote is REJECTED until changed and resubmitted. */
    public Quote reject(User approver, long id, ApprovalDecision body) {
        return decide(approver, id, body, ApprovalStatus.REJECTED);
    }

    private Quote decide(User approver, long id, ApprovalDecision body, ApprovalStatus decision) {
        String comment = body == null ? null : body.comment();
        if (comment != null && comment.length() > 2000) {
            throw ApiException.invalid("comment", "at most 2000 characters");
        }
        jdbi.useTransaction(handle -> {
            QuoteDao dao = handle.attach(QuoteDao.class);
            QuoteDao.QuoteRow row = dao.lock(id).orElseThrow(() -> ApiException.notFound("quote", id));
            if (body != null && body.version() != null && body.version() != row.version()) {
                throw stale(id, row.version(), body.version());
            }
            if (row.status() != QuoteStatus.PENDING_APPROVAL) {
                throw new ApiException(ErrorCode.INVALID_STATE, "quote " + id + " is " + row.status()
                        + ", not waiting for approval");
            }
            String ownerManager = users.find(row.owner()).map(User::manager).orElse(null);
            List<QuoteApproval> mine = dao.approvals(id, row.version()).stream()
                    .filter(approval -> approval.status() == ApprovalStatus.PENDING)
                    .filter(approval -> QuoteApprovals.mayDecide(approver, approval.level(), row.owner(), ownerManager))
                    .toList();
            if (mine.isEmpty()) {
                throw ApiException.forbidden("no approval of quote " + id + " is yours to decide");
            }
            Instant now = clock.instant();
            for (QuoteApproval approval : mine) {
                dao.decide(approval.id(), decision, approver.username(), now, comment);
            }
            boolean allApproved = dao.approvals(id, row.version()).stream()
                    .allMatch(approval -> approval.status() == ApprovalStatus.APPROVED);
            if (decision == ApprovalStatus.REJECTED) {
                dao.setStatus(id, QuoteStatus.REJECTED, now);
            } else if (allApproved) {
                dao.setStatus(id, QuoteStatus.APPROVED, now);
            }
        });
        return withEstimate(approver, load(id));
    }

    /**
     * A new draft with the same customer, terms and lines, priced again with today's prices and data, on the
     * same deal or another ({@code body.dealId}); the caller must see the quote and may quote on the deal.
     */
    public Quote copy(User caller, long id, CloneRequest body) {
        Quote source = get(caller, id);
        long dealId = body == null || body.dealId() == null ? source.dealId() : body.dealId();
        QuoteRequest asked = source.request();
        return create(caller, new QuoteRequest(dealId, null, asked.customer(), asked.currency(), asked.priceBook(),
                asked.termMonths(), asked.startDate(), asked.lines()));
    }

    /** The body of clone: the deal of the copy (default the quote's own). */
    public record CloneRequest(Long dealId) {
    }

    /** The rep shows an approved quote to the customer. */
    public Quote present(User caller, long id) {
        return move(caller, id, Set.of(QuoteStatus.APPROVED), QuoteStatus.PRESENTED);
    }

    /** The customer accepted an approved or presented quote. */
    public Quote accept(User caller, long id) {
        return move(caller, id, Set.of(QuoteStatus.APPROVED, QuoteStatus.PRESENTED), QuoteStatus.ACCEPTED);
    }

    private Quote move(User caller, long id, Set<QuoteStatus> from, QuoteStatus to) {
        jdbi.useTransaction(handle -> {
            QuoteDao.QuoteRow row = lockForChange(handle, caller, id, null);
            if (!from.contains(row.status())) {
                throw new ApiException(ErrorCode.INVALID_STATE, "quote " + id + " is " + row.status() + ", not " + from);
            }
            records.requireNotExpired(row);
            handle.attach(QuoteDao.class).setStatus(id, to, clock.instant());
        });
        return withEstimate(caller, load(id));
    }

    /** Inside the deal's close-won transaction: the primary quote must be approved, and becomes ACCEPTED. */
    public Quote acceptForClose(Handle handle, long quoteId) {
        QuoteDao dao = handle.attach(QuoteDao.class);
        QuoteDao.QuoteRow row = dao.lock(quoteId).orElseThrow(() -> ApiException.notFound("quote", quoteId));
        if (!CLOSABLE.contains(row.status())) {
            throw ApiException.invalid("primaryQuoteId", "the primary quote " + quoteId + " is " + row.status()
                    + "; it must be approved before the deal closes won");
        }
        if (row.status() != QuoteStatus.ACCEPTED && records.expired(row)) {
            throw ApiException.invalid("primaryQuoteId", "the primary quote " + quoteId + " expired on "
                    + row.validUntil() + "; change it or clone it, and have it approved again");
        }
        dao.setStatus(quoteId, QuoteStatus.ACCEPTED, clock.instant());
        QuoteDao.QuoteRow accepted = dao.find(quoteId).orElseThrow();
        return records.toQuote(accepted, dao.approvals(quoteId, accepted.version()));
    }

    private QuoteDao.QuoteRow lockForChange(Handle handle, User caller, long id, Integer version) {
        QuoteDao.QuoteRow row = handle.attach(QuoteDao.class).lock(id).orElseThrow(() -> ApiException.notFound("quote", id));
        if (!deals.mayChange(caller, row.owner())) {
            throw ApiException.forbidden("you may not change quote " + id);
        }
        if (version != null && version != row.version()) {
            throw stale(id, row.version(), version);
        }
        return row;
    }

    private static ApiException stale(long id, int current, int given) {
        return new ApiException(ErrorCode.STALE_VERSION, "quote " + id + " is at version " + current + ", not " + given
                + ": reload it and apply your change again", List.of(new FieldError("version", "stale version " + given)));
    }

    private QuoteDeals.QuotedDeal visibleDeal(User caller, long dealId) {
        QuoteDeals.QuotedDeal deal = deals.find(dealId)
                .orElseThrow(() -> ApiException.invalid("dealId", "unknown deal " + dealId));
        if (!deals.maySee(caller, deal)) {
            throw ApiException.forbidden("you may not see deal " + dealId);
        }
        return deal;
    }

    /** The quote with its owner's estimate, for a viewer who may see the owner's money (a split user may not). */
    private Quote withEstimate(User viewer, Quote quote) {
        if (!users.canSeeMoneyOf(viewer, quote.owner())) {
            return quote;
        }
        LocalDate closeDate = deals.find(quote.dealId())
                .map(QuoteDeals.QuotedDeal::expectedClose).orElse(quote.request().startDate());
        PricedQuote priced = pricer.estimate(quote.owner(), closeDate, quote.request(), quote.priced());
        return new Quote(quote.id(), quote.dealId(), quote.owner(), quote.status(), quote.version(), quote.request(),
                priced, quote.approvals(), quote.validUntil(), quote.createdAt(), quote.updatedAt());
    }

    private static void requireBody(QuoteRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "a quote is required");
        }
    }
}
