package dealdesk.finance;

import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.commission.CommissionServices;
import dealdesk.commission.engine.Statement;
import dealdesk.common.ApiException;
import dealdesk.common.Audit;
import dealdesk.common.ErrorCode;
import dealdesk.common.FieldError;
import dealdesk.common.Money;
import dealdesk.common.Period;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jdbi.v3.core.Jdbi;

/**
 * Periods: which have statements and in what status, close (only once the
 * period has ended, unless forced), pay (only once closed), and the payroll
 * export. Close and pay are audited with who, when, before and after.
 */
public class PeriodService {
    static final String PAYOUT_HEADER =
            "username,name,period,currency,earned,adjustments,drawPaid,drawRecovered,payable,status";

    private final Jdbi jdbi;
    private final UserService users;
    private final CommissionServices commission;
    private final Clock clock;

    public PeriodService(Jdbi jdbi, UserService users, CommissionServices commission, Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.commission = commission;
        this.clock = clock;
    }

    public record CloseRequest(Boolean force) {
    }

    public record Statements(int open, int closed, int paid) {
    }

    /** A period with statements: OPEN, CLOSED or PAID, how many statements in each, who closed and paid it, when. */
    public record PeriodStatus(String period, LocalDate start, LocalDate end, String status, Statements statements,
                               Action closed, Action paid) {
    }

    public record Action(String by, Instant at) {
    }

    public record Outcome(String period, String status, int statements) {
    }

    public List<PeriodStatus> list() {
        List<PeriodStatus> periods = new ArrayList<>();
        for (Map<String, Object> row : jdbi.withExtension(StatementStatusDao.class, StatementStatusDao::periods)) {
            Statements statements = new Statements(count(row.get("open")), count(row.get("closed")),
                    count(row.get("paid")));
            Action closed = action(row.get("closed_by"), row.get("closed_at"));
            Action paid = action(row.get("paid_by"), row.get("paid_at"));
            String status = statements.open() > 0 || statements.closed() + statements.paid() == 0 ? "OPEN"
                    : statements.closed() > 0 ? "CLOSED" : "PAID";
            periods.add(new PeriodStatus((String) row.get("period"), date(row.get("start")), date(row.get("end")),
                    status, statements, closed, paid));
        }
        return periods;
    }

    /** Closes a period that has ended (or any, forced): every assigned rep's statement is computed and locked. */
    public Outcome close(String periodText, CloseRequest request, String actor) {
        Period period = Period.parse(periodText);
        boolean force = request != null && Boolean.TRUE.equals(request.force());
        LocalDate today = LocalDate.now(clock);
        // One transaction under the period's lock: a second close (here or on another instance) waits, then
        // finds the period closed; a crash leaves it open with nothing half-closed.
        int closed = jdbi.inTransaction(handle -> {
            handle.execute("select pg_advisory_xact_lock(hashtext(?))", "period:" + period);
            StatementStatusDao status = handle.attach(StatementStatusDao.class);
            if (status.closed(period.toString()).orElse(false)) {
                throw new ApiException(ErrorCode.CONFLICT, period + " is already closed",
                        List.of(new FieldError("period", period + " is already closed")));
            }
            if (!force && !period.end().isBefore(today)) {
                throw new ApiException(ErrorCode.CONFLICT, period + " runs until " + period.end()
                        + ": close it after that, or send {\"force\": true} to close it early",
                        List.of(new FieldError("force", "the period has not ended; force it to close early")));
            }
            int count = commission.periods().closePeriod(handle, period, actor);
            status.recordClose(period.toString(), actor, clock.instant());
            Audit.record(handle, actor, "CLOSE_PERIOD", "period", period.toString(), Map.of("status", "OPEN"),
                    Map.of("status", "CLOSED", "statements", count, "forced", force && !period.end().isBefore(today)));
            return count;
        });
        return new Outcome(period.toString(), "CLOSED", closed);
    }

    /** Turns a closed period's statements PAID. */
    public Outcome pay(String periodText, String actor) {
        Period period = Period.parse(periodText);
        return jdbi.inTransaction(handle -> {
            handle.execute("select pg_advisory_xact_lock(hashtext(?))", "period:" + period);
            StatementStatusDao dao = handle.attach(StatementStatusDao.class);
            if (dao.count(period.toString(), "CLOSED") == 0) {
                boolean paid = dao.count(period.toString(), "PAID") > 0;
                String why = paid ? period + " is already paid" : period + " is not closed: close it before paying it";
                throw new ApiException(ErrorCode.CONFLICT, why, List.of(new FieldError("period", why)));
            }
            int paid = dao.pay(period.toString());
            Instant at = clock.instant();
            dao.recordPay(period.toString(), actor, at);
            Audit.record(handle, actor, "PAY_PERIOD", "period", period.toString(), Map.of("status", "CLOSED"),
                    Map.of("status", "PAID", "statements", paid));
            return new Outcome(period.toString(), "PAID", paid);
        });
    }

    /** The payroll export: one row per payee with the period's statement, amounts in the currency's minor unit. */
    public String payouts(String periodText) {
        Period period = Period.parse(periodText);
        StringBuilder csv = new StringBuilder(PAYOUT_HEADER).append('\n');
        for (Statement statement : statements(period)) {
            Currency currency = Currency.getInstance(statement.currency());
            Statement.Totals totals = statement.totals();
            String name = users.find(statement.username()).map(User::name).orElse(statement.username());
            csv.append(String.join(",", cell(statement.username()), cell(name), period.toString(),
                    statement.currency(), amount(totals.earned(), currency), amount(totals.adjustments(), currency),
                    amount(totals.drawPaid(), currency), amount(totals.drawRecovered(), currency),
                    amount(totals.payable(), currency), statement.status())).append('\n');
        }
        return csv.toString();
    }

    /** Every statement of the period: those stored, and those of reps assigned in it (computed if need be). */
    List<Statement> statements(Period period) {
        List<String> found = jdbi.withHandle(handle -> handle.createQuery(
                        "select username from commission_statements where period = :period union"
                                + " select username from commission_assignments where valid_from <= :end"
                                + " and (valid_to is null or valid_to >= :start)")
                .bind("period", period.toString()).bind("start", period.start()).bind("end", period.end())
                .mapTo(String.class).list());
        TreeSet<String> usernames = new TreeSet<>(found);
        List<Statement> statements = new ArrayList<>();
        for (String username : usernames) {
            try {
                statements.add(commission.statements().statement(username, period));
            } catch (ApiException e) {
                // paid by another kind of period, or without a quota: no statement for this one
            }
        }
        return statements;
    }

    static String amount(BigDecimal value, Currency currency) {
        return Money.round(value == null ? BigDecimal.ZERO : value, currency).toPlainString();
    }

    /** An amount of the statement's currency at its minor unit (0 when there is none). */
    static String amount(Money value, Currency currency) {
        return (value == null ? Money.zero(currency) : Money.zero(currency).plus(value)).rounded().amount().toPlainString();
    }

    /** A CSV cell, quoted when it holds a comma, quote or line break. */
    static String cell(String text) {
        if (text == null) {
            return "";
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static int count(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static Action action(Object by, Object at) {
        if (by == null) {
            return null;
        }
        Instant when = at instanceof java.sql.Timestamp timestamp ? timestamp.toInstant()
                : at instanceof java.time.OffsetDateTime offset ? offset.toInstant() : (Instant) at;
        return new Action((String) by, when);
    }

    private static LocalDate date(Object value) {
        return value instanceof java.sql.Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) value;
    }
}
