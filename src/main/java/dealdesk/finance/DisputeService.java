package dealdesk.finance;

import dealdesk.auth.Role;
import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.commission.CommissionServices;
import dealdesk.commission.engine.Statement;
import dealdesk.common.ApiException;
import dealdesk.common.Audit;
import dealdesk.common.ErrorCode;
import dealdesk.common.FieldError;
import dealdesk.common.Period;
import dealdesk.common.Validation;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Disputes: a rep opens one on a statement line or a missing deal; the rep,
 * their manager and finance comment; finance resolves it, and an ADJUSTED
 * resolution posts its amount (in the dispute's period while it is open, else
 * as a prior-period adjustment in the rep's current period). Every action is audited.
 */
public class DisputeService {
    private static final int MAX_TEXT = 4000;
    private static final int MAX_TRANSACTION_ID = 200;

    private final Jdbi jdbi;
    private final UserService users;
    private final CommissionServices commission;
    private final AdjustmentService adjustments;
    private final Clock clock;

    public DisputeService(Jdbi jdbi, UserService users, CommissionServices commission, AdjustmentService adjustments,
                          Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.commission = commission;
        this.adjustments = adjustments;
        this.clock = clock;
    }

    public record DisputeRequest(String username, String period, String transactionId, String reason,
                                 BigDecimal expectedAmount) {
    }

    public record CommentRequest(String text) {
    }

    public record ResolveRequest(String resolution, BigDecimal amount, String reason) {
    }

    public enum Resolution { ADJUSTED, NO_CHANGE, REJECTED }

    /** A dispute with the statement lines it is about (each with its full trace); none for a missing deal. */
    public record DisputeDetail(long id, String username, String period, String transactionId, String reason,
                                BigDecimal expectedAmount, String status, List<Dispute.Comment> comments,
                                Dispute.Resolution resolution, String createdBy, java.time.Instant createdAt,
                                List<Statement.Line> lines, boolean missing) {
        static DisputeDetail of(Dispute dispute, List<Statement.Line> lines) {
            return new DisputeDetail(dispute.id(), dispute.username(), dispute.period(), dispute.transactionId(),
                    dispute.reason(), dispute.expectedAmount(), dispute.status(), dispute.comments(),
                    dispute.resolution(), dispute.createdBy(), dispute.createdAt(), lines, lines.isEmpty());
        }
    }

    public Dispute open(User actor, DisputeRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "send {period, transactionId, reason, expectedAmount}");
        }
        String username = request.username() == null || request.username().isBlank() ? actor.username()
                : request.username();
        if (!username.equals(actor.username()) && !actor.seesAllMoney()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "you may open disputes on your own statements only",
                    List.of(new FieldError("username", "not yours: " + username)));
        }
        Validation validation = new Validation();
        if (users.find(username).isEmpty()) {
            validation.add("username", "unknown user " + username);
        }
        Period period = AdjustmentService.period(request.period(), validation);
        if (request.transactionId() == null || request.transactionId().isBlank()) {
            validation.add("transactionId", "transactionId is required: the statement line's, or the missing deal's");
        } else if (request.transactionId().length() > MAX_TRANSACTION_ID) {
            validation.add("transactionId", "at most " + MAX_TRANSACTION_ID + " characters");
        }
        AdjustmentService.requireReason(request.reason(), "reason", validation);
        if (request.expectedAmount() == null) {
            validation.add("expectedAmount", "expectedAmount is required: what you expected the line to pay");
        }
        validation.throwIfInvalid();
        Currency currency = adjustments.planCurrency(username, period, "period");
        AdjustmentService.checkAmount(request.expectedAmount(), currency, "expectedAmount", validation);
        validation.throwIfInvalid();
        return jdbi.inTransaction(handle -> {
            DisputeDao dao = handle.attach(DisputeDao.class);
            long id = dao.insert(username, period.toString(), request.transactionId().trim(), request.reason(),
                    request.expectedAmount(), actor.username(), clock.instant());
            Dispute dispute = dao.find(id).orElseThrow();
            Audit.record(handle, actor.username(), "OPEN_DISPUTE", "dispute", String.valueOf(id), null, dispute);
            return dispute;
        });
    }

    /** A rep sees their own, a manager their team's and their own, finance and admins all. */
    public List<Dispute> list(User viewer, String username, String status, String period) {
        Validation validation = new Validation();
        String statusFilter = null;
        if (status != null && !status.isBlank()) {
            statusFilter = status.trim().toUpperCase(Locale.ROOT);
            if (!List.of("OPEN", "ADJUSTED", "NO_CHANGE", "REJECTED").contains(statusFilter)) {
                validation.add("status", "status is one of OPEN, ADJUSTED, NO_CHANGE, REJECTED, not " + status);
            }
        }
        String periodFilter = null;
        if (period != null && !period.isBlank()) {
            Period parsed = AdjustmentService.period(period, validation);
            periodFilter = parsed == null ? null : parsed.toString();
        }
        validation.throwIfInvalid();
        boolean everyone = viewer.seesAllMoney() && (username == null || username.isBlank());
        List<String> visible = new ArrayList<>();
        if (username != null && !username.isBlank()) {
            users.requireCanSeeMoneyOf(viewer, username);
            visible.add(username);
        } else if (!everyone) {
            visible.add(viewer.username());
            if (viewer.role() == Role.MANAGER) {
                users.team(viewer.username()).forEach(member -> visible.add(member.username()));
            }
        } else {
            visible.add("");
        }
        String statusKey = statusFilter;
        String periodKey = periodFilter;
        return jdbi.withHandle(handle -> {
            DisputeDao dao = handle.attach(DisputeDao.class);
            return dao.list(everyone, visible, statusKey, periodKey).stream()
                    .map(dispute -> dispute.withComments(dao.comments(dispute.id()))).toList();
        });
    }

    public DisputeDetail get(User viewer, long id) {
        Dispute dispute = visible(viewer, id);
        List<Statement.Line> lines = new ArrayList<>();
        try {
            for (Statement.Line line : commission.statements().statement(dispute.username(), Period.parse(dispute.period())).lines()) {
                if (dispute.transactionId().equals(line.transactionId())) {
                    lines.add(line);
                }
            }
        } catch (ApiException e) {
            // no statement for the period (no plan, no quota): the dispute still shows
        }
        return DisputeDetail.of(dispute, lines);
    }

    public Dispute comment(User actor, long id, CommentRequest request) {
        Dispute dispute = visible(actor, id);
        if (request == null || request.text() == null || request.text().isBlank()) {
            throw ApiException.invalid("text", "text is required");
        }
        if (request.text().length() > MAX_TEXT) {
            throw ApiException.invalid("text", "at most " + MAX_TEXT + " characters");
        }
        return jdbi.inTransaction(handle -> {
            DisputeDao dao = handle.attach(DisputeDao.class);
            long commentId = dao.comment(dispute.id(), actor.username(), request.text(), clock.instant());
            Audit.record(handle, actor.username(), "COMMENT_DISPUTE", "dispute", String.valueOf(id), null,
                    Map.of("comment", commentId, "text", request.text()));
            return load(dao, id);
        });
    }

    public Dispute resolve(User actor, long id, ResolveRequest request) {
        if (actor.role() != Role.FINANCE) {
            throw ApiException.forbidden("only finance resolves disputes");
        }
        if (request == null) {
            throw ApiException.invalid("body", "send {resolution, amount, reason}");
        }
        Validation validation = new Validation();
        Resolution resolution = null;
        if (request.resolution() == null) {
            validation.add("resolution", "resolution is required: ADJUSTED, NO_CHANGE or REJECTED");
        } else {
            try {
                resolution = Resolution.valueOf(request.resolution().trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                validation.add("resolution", "resolution is ADJUSTED, NO_CHANGE or REJECTED, not " + request.resolution());
            }
        }
        AdjustmentService.requireReason(request.reason(), "reason", validation);
        if (resolution == Resolution.ADJUSTED && request.amount() == null) {
            validation.add("amount", "ADJUSTED needs the amount to post");
        } else if (resolution == Resolution.ADJUSTED && request.amount().signum() == 0) {
            validation.add("amount", "an adjustment of 0 changes nothing: resolve NO_CHANGE instead");
        } else if (resolution != null && resolution != Resolution.ADJUSTED && request.amount() != null) {
            validation.add("amount", "only an ADJUSTED resolution has an amount");
        }
        validation.throwIfInvalid();
        Dispute dispute = jdbi.withExtension(DisputeDao.class, dao -> dao.find(id))
                .orElseThrow(() -> ApiException.notFound("dispute", id));
        Period period = Period.parse(dispute.period());
        if (resolution == Resolution.ADJUSTED) {
            Currency currency = adjustments.planCurrency(dispute.username(), period, "period");
            AdjustmentService.checkAmount(request.amount(), currency, "amount", validation);
            validation.throwIfInvalid();
        }
        Resolution decided = resolution;
        return jdbi.inTransaction(handle -> {
            AdjustmentService.lock(handle, dispute.username());
            DisputeDao dao = handle.attach(DisputeDao.class);
            Dispute before = dao.lockForUpdate(id).orElseThrow(() -> ApiException.notFound("dispute", id));
            if (!Dispute.OPEN.equals(before.status())) {
                throw new ApiException(ErrorCode.CONFLICT, "dispute " + id + " was already resolved "
                        + before.status(), List.of(new FieldError("resolution", "already " + before.status())));
            }
            dao.resolve(id, decided.name(), decided == Resolution.ADJUSTED ? request.amount() : null, request.reason(),
                    actor.username(), clock.instant());
            if (decided == Resolution.ADJUSTED) {
                postResolution(handle, before, period, request, actor.username());
            }
            Dispute after = load(dao, id);
            Audit.record(handle, actor.username(), "RESOLVE_DISPUTE", "dispute", String.valueOf(id),
                    before.withComments(dao.comments(id)), after);
            return after;
        });
    }

    private void postResolution(Handle handle, Dispute dispute, Period period, ResolveRequest request, String actor) {
        String reason = "Dispute " + dispute.id() + " on " + dispute.transactionId() + ": " + request.reason();
        if (adjustments.isClosed(handle, dispute.username(), period)) {
            Period current = adjustments.currentOpenPeriod(handle, dispute.username(), period);
            adjustments.post(handle, dispute.username(), current, AdjustmentKind.PRIOR_PERIOD, request.amount(), reason,
                    period.toString(), dispute.id(), actor);
        } else {
            adjustments.post(handle, dispute.username(), period, AdjustmentKind.DISPUTE, request.amount(), reason, null,
                    dispute.id(), actor);
        }
    }

    /** The dispute, if the viewer may see its rep's money; else 403 (404 when there is none). */
    private Dispute visible(User viewer, long id) {
        Dispute dispute = jdbi.withExtension(DisputeDao.class, dao -> dao.find(id).map(found ->
                found.withComments(dao.comments(id)))).orElseThrow(() -> ApiException.notFound("dispute", id));
        if (!users.canSeeMoneyOf(viewer, dispute.username())) {
            throw ApiException.forbidden("dispute " + id + " is about another rep's statement");
        }
        return dispute;
    }

    private static Dispute load(DisputeDao dao, long id) {
        return dao.find(id).orElseThrow().withComments(dao.comments(id));
    }
}
