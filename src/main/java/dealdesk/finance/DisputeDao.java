package dealdesk.finance;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Disputes and their comments. */
@RegisterRowMapper(DisputeDao.Mapper.class)
public interface DisputeDao {
    String COLUMNS = "select d.id, d.username, d.period, d.transaction_id, d.reason, d.expected_amount, d.status,"
            + " d.resolution_amount, d.resolution_reason, d.resolved_by, d.resolved_at, d.created_by, d.created_at,"
            + " (select a.id from adjustments a where a.dispute_id = d.id order by a.id limit 1) as adjustment_id"
            + " from disputes d";

    @SqlUpdate("insert into disputes (username, period, transaction_id, reason, expected_amount, status, created_by,"
            + " created_at) values (:username, :period, :transactionId, :reason, :expected, 'OPEN', :by, :at)")
    @GetGeneratedKeys("id")
    long insert(@Bind("username") String username, @Bind("period") String period,
                @Bind("transactionId") String transactionId, @Bind("reason") String reason,
                @Bind("expected") BigDecimal expected, @Bind("by") String by, @Bind("at") Instant at);

    @SqlQuery(COLUMNS + " where d.id = :id")
    Optional<Dispute> find(@Bind("id") long id);

    @SqlQuery(COLUMNS + " where d.id = :id for update")
    Optional<Dispute> lockForUpdate(@Bind("id") long id);

    /** Disputes of the given users (all users when {@code everyone}), filtered, newest first. */
    @SqlQuery(COLUMNS + " where (:everyone or d.username in (<usernames>))"
            + " and (cast(:status as text) is null or d.status = :status)"
            + " and (cast(:period as text) is null or d.period = :period) order by d.id desc")
    List<Dispute> list(@Bind("everyone") boolean everyone, @BindList("usernames") List<String> usernames,
                       @Bind("status") String status, @Bind("period") String period);

    @SqlUpdate("update disputes set status = :status, resolution_amount = :amount, resolution_reason = :reason,"
            + " resolved_by = :by, resolved_at = :at where id = :id and status = 'OPEN'")
    int resolve(@Bind("id") long id, @Bind("status") String status, @Bind("amount") BigDecimal amount,
                @Bind("reason") String reason, @Bind("by") String by, @Bind("at") Instant at);

    @SqlUpdate("insert into dispute_comments (dispute_id, author, text, created_at) values (:id, :author, :text, :at)")
    @GetGeneratedKeys("id")
    long comment(@Bind("id") long disputeId, @Bind("author") String author, @Bind("text") String text,
                 @Bind("at") Instant at);

    @SqlQuery("select id, author, text, created_at from dispute_comments where dispute_id = :id order by id")
    @RegisterConstructorMapper(Dispute.Comment.class)
    List<Dispute.Comment> comments(@Bind("id") long disputeId);

    final class Mapper implements RowMapper<Dispute> {
        @Override
        public Dispute map(ResultSet row, StatementContext context) throws SQLException {
            Dispute.Resolution resolution = null;
            if (!Dispute.OPEN.equals(row.getString("status"))) {
                long adjustmentId = row.getLong("adjustment_id");
                resolution = new Dispute.Resolution(row.getString("status"), row.getBigDecimal("resolution_amount"),
                        row.getString("resolution_reason"), row.getString("resolved_by"),
                        row.getTimestamp("resolved_at").toInstant(), row.wasNull() ? null : adjustmentId);
            }
            return new Dispute(row.getLong("id"), row.getString("username"), row.getString("period"),
                    row.getString("transaction_id"), row.getString("reason"), row.getBigDecimal("expected_amount"),
                    row.getString("status"), List.of(), resolution, row.getString("created_by"),
                    row.getTimestamp("created_at").toInstant());
        }
    }
}
