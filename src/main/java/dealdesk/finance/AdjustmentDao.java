package dealdesk.finance;

import dealdesk.common.Money;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Adjustments, append-only: a correction is a new adjustment, never an edit. */
@RegisterRowMapper(AdjustmentDao.Mapper.class)
public interface AdjustmentDao {
    String COLUMNS = "select id, username, period, kind, amount, currency, reason, source_period, dispute_id,"
            + " created_by, created_at from adjustments";

    @SqlUpdate("insert into adjustments (username, period, kind, amount, currency, reason, source_period, dispute_id,"
            + " created_by, created_at) values (:username, :period, :kind, :amount, :currency, :reason, :sourcePeriod,"
            + " :disputeId, :by, :at)")
    @GetGeneratedKeys("id")
    long insert(@Bind("username") String username, @Bind("period") String period, @Bind("kind") String kind,
                @Bind("amount") BigDecimal amount, @Bind("currency") String currency, @Bind("reason") String reason,
                @Bind("sourcePeriod") String sourcePeriod, @Bind("disputeId") Long disputeId, @Bind("by") String by,
                @Bind("at") Instant at);

    @SqlQuery(COLUMNS + " where username = :username and period = :period order by id")
    List<Adjustment> of(@Bind("username") String username, @Bind("period") String period);

    @SqlQuery(COLUMNS + " where (cast(:username as text) is null or username = :username)"
            + " and (cast(:period as text) is null or period = :period) order by id")
    List<Adjustment> list(@Bind("username") String username, @Bind("period") String period);

    /** What recomputations of a closed period have already posted for it (resolved disputes aside). */
    @SqlQuery("select coalesce(sum(amount), 0) from adjustments where username = :username and kind = 'PRIOR_PERIOD'"
            + " and source_period = :sourcePeriod and dispute_id is null")
    BigDecimal postedFor(@Bind("username") String username, @Bind("sourcePeriod") String sourcePeriod);

    final class Mapper implements RowMapper<Adjustment> {
        @Override
        public Adjustment map(ResultSet row, StatementContext context) throws SQLException {
            long disputeId = row.getLong("dispute_id");
            return new Adjustment(row.getLong("id"), row.getString("username"), row.getString("period"),
                    AdjustmentKind.valueOf(row.getString("kind")),
                    Money.of(row.getBigDecimal("amount"), Money.currency(row.getString("currency"))), row.getString("reason"),
                    row.getString("source_period"), row.wasNull() ? null : disputeId,
                    new Adjustment.Posted(row.getString("created_by"), row.getTimestamp("created_at").toInstant()));
        }
    }
}
