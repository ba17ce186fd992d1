package dealdesk.commission;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Bookings of deals closed by their own rep, PENDING until the rep's manager or finance confirms them. */
@RegisterConstructorMapper(BookingConfirmationDao.Confirmation.class)
public interface BookingConfirmationDao {
    String COLUMNS = "deal_id, owner, status, closed_by, closed_at, confirmed_by, confirmed_at";

    /** A booking's confirmation state. */
    record Confirmation(long dealId, String owner, String status, String closedBy, Instant closedAt,
                        String confirmedBy, Instant confirmedAt) {
        public boolean pending() {
            return "PENDING".equals(status);
        }
    }

    @SqlUpdate("insert into booking_confirmations (deal_id, owner, status, closed_by, closed_at, confirmed_by,"
            + " confirmed_at) values (:dealId, :owner, :status, :closedBy, :closedAt, :confirmedBy, :confirmedAt)"
            + " on conflict (deal_id) do update set owner = excluded.owner, status = excluded.status,"
            + " closed_by = excluded.closed_by, closed_at = excluded.closed_at,"
            + " confirmed_by = excluded.confirmed_by, confirmed_at = excluded.confirmed_at")
    void store(@Bind("dealId") long dealId, @Bind("owner") String owner, @Bind("status") String status,
               @Bind("closedBy") String closedBy, @Bind("closedAt") Instant closedAt,
               @Bind("confirmedBy") String confirmedBy, @Bind("confirmedAt") Instant confirmedAt);

    @SqlQuery("select " + COLUMNS + " from booking_confirmations where deal_id = :dealId for update")
    Optional<Confirmation> lock(@Bind("dealId") long dealId);

    @SqlQuery("select " + COLUMNS + " from booking_confirmations where deal_id = :dealId")
    Optional<Confirmation> find(@Bind("dealId") long dealId);

    @SqlUpdate("update booking_confirmations set status = 'CONFIRMED', confirmed_by = :by, confirmed_at = :at"
            + " where deal_id = :dealId and status = 'PENDING'")
    int confirm(@Bind("dealId") long dealId, @Bind("by") String by, @Bind("at") Instant at);

    @SqlUpdate("update booking_confirmations set status = 'CANCELLED' where deal_id = :dealId and status = 'PENDING'")
    int cancelPending(@Bind("dealId") long dealId);

    /** Pending bookings, oldest first: of every rep, or of the given owners only. */
    @SqlQuery("select " + COLUMNS + " from booking_confirmations where status = 'PENDING'"
            + " and (:all or owner = any(:owners)) order by closed_at, deal_id limit 500")
    List<Confirmation> pending(@Bind("all") boolean all, @Bind("owners") String[] owners);
}
