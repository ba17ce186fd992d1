package dealdesk.finance;

import dealdesk.auth.UserService;
import dealdesk.commission.CommissionServices;
import dealdesk.commission.engine.Statement;
import dealdesk.commission.plan.Plan;
import dealdesk.common.ApiException;
import dealdesk.common.Audit;
import dealdesk.common.ErrorCode;
import dealdesk.common.FieldError;
import dealdesk.common.Money;
import dealdesk.common.Period;
import dealdesk.common.Validation;
import dealdesk.common.Values;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Adjustments: finance's manual ones, resolved disputes, and the differences
 * late changes make to closed periods. Each is posted in an open period of the
 * rep's and laid over that statement as it is read; a closed statement keeps
 * the adjustments it had when it closed.
 */
public class AdjustmentService {
    static final int MAX_REASON = 2000;

    private final Jdbi jdbi;
    private final UserService users;
    private final CommissionServices commission;
    private final Clock clock;

    public AdjustmentService(Jdbi jdbi, UserService users, CommissionServices commission, Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.commission = commission;
        this.clock = clock;
    }

    /** POST /api/v1/adjustments: {username, period, amount, reason}. */
    public record AdjustmentRequest(String username, String period, BigDecimal amount, String reason) {
    }

    public Adjustment postManual(AdjustmentRequest request, String actor) {
        if (request == null) {
            throw ApiException.invalid("body", "send {username, period, amount, reason}");
        }
        Validation validation = new Validation();
        if (request.username() == null || request.username().isBlank()) {
            validation.add("username", "username is required");
        } else if (users.find(request.username()).isEmpty()) {
            validation.add("username", "unknown user " + request.username());
        }
        Period period = period(request.period(), validation);
        requireReason(request.reason(), "reason", validation);
        if (request.amount() == null) {
            validation.add("amount", "amount is required (negative to take money back)");
        }
        validation.throwIfInvalid();
        Currency currency = planCurrency(request.username(), period, "period");
        checkAmount(request.amount(), currency, "amount", validation);
        if (request.amount().signum() == 0) {
            validation.add("amount", "an adjustment of 0 changes nothing");
        }
        validation.throwIfInvalid();
        return jdbi.inTransaction(handle -> {
            lock(handle, request.username());
            if (isClosed(handle, request.username(), period)) {
                throw new ApiException(ErrorCode.INVALID_STATE, period + " is closed for " + request.username()
                        + ": a closed statement never changes; post the adjustment in an open period such as "
                        + currentOpenPeriod(handle, request.username(), period),
                        List.of(new FieldError("period", period + " is closed")));
            }
            return post(handle, request.username(), period, AdjustmentKind.MANUAL, request.amount(), request.reason(),
                    null, null, actor);
        });
    }

    /** Posts an adjustment in the caller's transaction, audited; the caller holds the rep's lock. */
    Adjustment post(Handle handle, String username, Period period, AdjustmentKind kind, BigDecimal amount, String reason,
                    String sourcePeriod, Long disputeId, String actor) {
        Currency currency = planCurrency(username, period, "period");
        Money rounded = Money.of(amount, currency).rounded();
        Adjustment.Posted posted = new Adjustment.Posted(actor, clock.instant());
        long id = handle.attach(AdjustmentDao.class).insert(username, period.toString(), kind.name(), rounded.amount(),
                currency.getCurrencyCode(), reason, sourcePeriod, disputeId, actor, posted.at());
        Adjustment adjustment = new Adjustment(id, username, period.toString(), kind, rounded, reason, sourcePeriod,
                disputeId, posted);
        Audit.record(handle, actor, "POST_ADJUSTMENT", "adjustment", String.valueOf(id), null, adjustment);
        return adjustment;
    }

    public List<Adjustment> list(String username, String period) {
        String periodKey = period == null ? null : Period.parse(period).toString();
        return jdbi.withExtension(AdjustmentDao.class, dao -> dao.list(username, periodKey));
    }

    /**
     * The statement with its period's adjustments listed and counted. Nothing is ever posted in a
     * closed period, so a closed statement's adjustments stay as they were when it closed.
     */
    public Statement overlay(Handle handle, Statement statement) {
        List<Adjustment> posted = handle.attach(AdjustmentDao.class).of(statement.username(), statement.period());
        List<Statement.AdjustmentLine> lines = posted.stream().map(Adjustment::line).toList();
        Money total = statement.totals().adjustments();
        for (Statement.AdjustmentLine line : lines) {
            total = total.plus(line.amount());
        }
        return statement.withAdjustments(lines, total);
    }

    /** A rep's statement for the period is closed (or paid): it never changes again. */
    boolean isClosed(Handle handle, String username, Period period) {
        return handle.attach(StatementStatusDao.class).status(username, period.toString())
                .map(status -> !status.equals("OPEN")).orElse(false)
                || handle.attach(StatementStatusDao.class).closed(period.toString()).orElse(false);
    }

    /** The rep's current period (the one containing today, of the given one's kind), or the next open one. */
    Period currentOpenPeriod(Handle handle, String username, Period like) {
        Period.Type type = commission.planLookup().on(username, today()).map(Plan::period).orElse(like.type());
        Period period = Period.containing(type, today());
        while (isClosed(handle, username, period)) {
            period = period.next();
        }
        return period;
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The currency the rep is paid in for a period; 422 on the path when no plan pays them by that period. */
    Currency planCurrency(String username, Period period, String path) {
        Plan plan = commission.planLookup().on(username, period.start()).or(() -> commission.planLookup().on(username, period.end()))
                .orElseThrow(() -> ApiException.invalid(path, username + " has no plan in " + period));
        if (plan.period() != period.type()) {
            throw ApiException.invalid(path, username + " is paid by " + plan.period().name().toLowerCase(
                    java.util.Locale.ROOT) + "; use " + Period.containing(plan.period(), period.start()));
        }
        return plan.currency();
    }

    static Period period(String text, Validation validation) {
        try {
            return Period.parse(text);
        } catch (ApiException e) {
            validation.add("period", e.getMessage());
            return null;
        }
    }

    static void requireReason(String text, String path, Validation validation) {
        if (text == null || text.isBlank()) {
            validation.add(path, path + " is required: the rep reads it on the statement");
        } else if (text.length() > MAX_REASON) {
            validation.add(path, "at most " + MAX_REASON + " characters");
        }
    }

    /** An amount in a currency: below a trillion, with no more decimals than the currency's minor unit. */
    static void checkAmount(BigDecimal amount, Currency currency, String path, Validation validation) {
        if (amount == null) {
            return;
        }
        if (amount.abs().compareTo(Values.ABSURD) >= 0) {
            validation.add(path, "must be below 1,000,000,000,000");
        } else if (amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            validation.add(path, currency.getCurrencyCode() + " amounts have at most "
                    + currency.getDefaultFractionDigits() + " decimals");
        }
    }

    static void lock(Handle handle, String username) {
        handle.execute("select pg_advisory_xact_lock(hashtext(?))", "commission:" + username);
    }
}
