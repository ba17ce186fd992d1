package dealdesk.quote;

import dealdesk.pricing.ApprovalRequirement;
import dealdesk.common.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Quotes, their versions (request and priced result as JSON) and their approvals. */
@RegisterConstructorMapper(QuoteDao.QuoteRow.class)
@RegisterConstructorMapper(QuoteApproval.class)
public interface QuoteDao {

    /** A quote row joined with its current version's JSON. */
    record QuoteRow(long id, long dealId, String owner, QuoteStatus status, int version, String currency,
                    LocalDate validUntil, Instant createdAt, Instant updatedAt, String request, String priced) {
    }

    String SELECT = "select q.id, q.deal_id, q.owner, q.status, q.version, q.currency, v.valid_until, q.created_at, "
            + "q.updated_at, "
            + "v.request::text as request, v.priced::text as priced "
            + "from quotes q join quote_versions v on v.quote_id = q.id and v.version = q.version ";

    @SqlQuery(SELECT + "where q.id = :id")
    Optional<QuoteRow> find(@Bind("id") long id);

    @SqlQuery("select id from quotes where id = :id for update")
    Optional<Long> lockRow(@Bind("id") long id);

    /**
     * Locks the quote, then reads it afresh. Locking the joined row directly would lose it when a
     * concurrent edit moves its version while this one waits (the join no longer matches): a 404
     * where the caller should get the stale-version 409.
     */
    default Optional<QuoteRow> lock(long id) {
        return lockRow(id).flatMap(this::find);
    }

    @SqlQuery(SELECT + "where q.deal_id = :dealId order by q.id")
    List<QuoteRow> ofDeal(@Bind("dealId") long dealId);

    @SqlUpdate("insert into quotes (deal_id, owner, status, version, currency, tcv, acv, created_at, updated_at) "
            + "values (:dealId, :owner, 'DRAFT', 1, :currency, :tcv.amount, :acv.amount, :at, :at)")
    @GetGeneratedKeys("id")
    long insert(@Bind("dealId") long dealId, @Bind("owner") String owner, @Bind("currency") String currency,
                @BindMethods("tcv") Money tcv, @BindMethods("acv") Money acv, @Bind("at") Instant at);

    @SqlUpdate("insert into quote_versions (quote_id, version, request, priced, created_by, created_at, valid_until) "
            + "values (:quoteId, :version, cast(:request as jsonb), cast(:priced as jsonb), :createdBy, :at, :validUntil)")
    void insertVersion(@Bind("quoteId") long quoteId, @Bind("version") int version, @Bind("request") String request,
                       @Bind("priced") String priced, @Bind("createdBy") String createdBy, @Bind("at") Instant at,
                       @Bind("validUntil") LocalDate validUntil);

    @SqlUpdate("update quotes set version = :version, status = 'DRAFT', currency = :currency, tcv = :tcv.amount, "
            + "acv = :acv.amount, updated_at = :at where id = :id")
    void newVersion(@Bind("id") long id, @Bind("version") int version, @Bind("currency") String currency,
                    @BindMethods("tcv") Money tcv, @BindMethods("acv") Money acv, @Bind("at") Instant at);

    @SqlUpdate("update quotes set status = :status, updated_at = :at where id = :id")
    void setStatus(@Bind("id") long id, @Bind("status") QuoteStatus status, @Bind("at") Instant at);

    String APPROVAL_COLUMNS = "select id, version, level, metric, threshold, actual, reason, status, decided_by, "
            + "decided_at, comment, carried_from from quote_approvals ";

    @SqlQuery(APPROVAL_COLUMNS + "where quote_id = :quoteId and version = :version order by id")
    List<QuoteApproval> approvals(@Bind("quoteId") long quoteId, @Bind("version") int version);

    @SqlQuery(APPROVAL_COLUMNS + "where quote_id = :quoteId and status = 'APPROVED' order by version desc, id")
    List<QuoteApproval> approvedSoFar(@Bind("quoteId") long quoteId);

    /** What was asked: the requirement's level, metric, threshold, actual figure and reason. */
    @SqlUpdate("insert into quote_approvals (quote_id, version, level, metric, threshold, actual, reason, status, "
            + "decided_by, decided_at, comment, carried_from) values (:quoteId, :version, :asked.level, :asked.metric, "
            + ":asked.threshold, :asked.actual, :asked.reason, :status, :decidedBy, :decidedAt, :comment, :carriedFrom)")
    void insertApproval(@Bind("quoteId") long quoteId, @Bind("version") int version,
                        @BindMethods("asked") ApprovalRequirement asked, @Bind("status") ApprovalStatus status,
                        @Bind("decidedBy") String decidedBy, @Bind("decidedAt") Instant decidedAt,
                        @Bind("comment") String comment, @Bind("carriedFrom") Integer carriedFrom);

    @SqlUpdate("update quote_approvals set status = :status, decided_by = :decidedBy, decided_at = :at, "
            + "comment = :comment where id = :id and status = 'PENDING'")
    int decide(@Bind("id") long id, @Bind("status") ApprovalStatus status, @Bind("decidedBy") String decidedBy,
               @Bind("at") Instant at, @Bind("comment") String comment);
}
