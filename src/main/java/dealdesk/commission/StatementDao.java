package dealdesk.commission;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/**
 * Computed statements (commission_statements). An OPEN row is a cache of the
 * engine's answer, forgotten when its inputs change; CLOSED and PAID rows never change.
 */
public interface StatementDao {

    /** A statement as stored: its body is the engine's statement as JSON. */
    record StoredStatement(String username, String period, String status, String body, BigDecimal drawBalance) {
    }

    /** An open statement to store. */
    record OpenStatement(String username, String period, LocalDate start, LocalDate end, String body,
                         BigDecimal drawBalance, Instant computedAt) {
    }

    @SqlQuery("select username, period, status, body, draw_balance from commission_statements"
            + " where username = :username and period = :period")
    @RegisterConstructorMapper(StoredStatement.class)
    Optional<StoredStatement> find(@Bind("username") String username, @Bind("period") String period);

    @SqlUpdate("insert into commission_statements (username, period, period_start, period_end, status, body,"
            + " draw_balance, computed_at) values (:username, :period, :start, :end, 'OPEN', :body, :drawBalance,"
            + " :computedAt) on conflict (username, period) do update set body = excluded.body,"
            + " draw_balance = excluded.draw_balance, computed_at = excluded.computed_at"
            + " where commission_statements.status = 'OPEN'")
    void storeOpen(@BindMethods OpenStatement statement);

    @SqlUpdate("update commission_statements set status = 'CLOSED' where period = :period and status = 'OPEN'")
    int close(@Bind("period") String period);

    /** Forgets the user's open statements ending on or after a date: their inputs changed. */
    @SqlUpdate("delete from commission_statements where username = :username and status = 'OPEN'"
            + " and period_end >= :from")
    int forgetOpen(@Bind("username") String username, @Bind("from") LocalDate from);
}
