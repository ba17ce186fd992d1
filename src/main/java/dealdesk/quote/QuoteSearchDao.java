package dealdesk.quote;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/** Reads for finding quotes: the list with filters and access, and an earlier version's request. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(QuoteSearchDao.Row.class)
public interface QuoteSearchDao {

    /** One found quote; {@code totals} is the current version's totals as JSON; {@code total} counts all matches. */
    record Row(long id, long dealId, String owner, String accountName, String customerName, QuoteStatus status,
               int version, String currency, String totals, java.time.Instant updatedAt, long total) {
    }

    /** Filters as bound: nulls mean "any"; {@code pattern} is the ILIKE pattern of q. */
    record Filter(String viewer, String role, String owner, String status, Long dealId, String pattern,
                  boolean awaitingMyApproval, int limit, int offset) {
    }

    @SqlQuery
    List<Row> search(@BindMethods Filter filter);

    /** The request JSON of one version of a quote. */
    @SqlQuery
    Optional<String> request(@Bind("quoteId") long quoteId, @Bind("version") int version);

    /**
     * The latest version before {@code version} that got its approvals (every approval it asked was given), or
     * nothing when no earlier version was approved.
     */
    @SqlQuery
    Optional<Integer> lastApprovedBefore(@Bind("quoteId") long quoteId, @Bind("version") int version);
}
