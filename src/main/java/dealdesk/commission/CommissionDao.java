package dealdesk.commission;

import dealdesk.commission.Transaction.Product;
import dealdesk.commission.Transaction.Split;
import dealdesk.commission.Transaction.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdbi.v3.core.mapper.MapMapper;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.config.RegisterRowMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Plans, assignments, quotas, transactions, statements and recompute jobs. */
@RegisterRowMapper(MapMapper.class)
public interface CommissionDao {
    String PLAN_VERSION = "select id, version, effective_from, document, created_by, created_at from commission_plans";


    // ---- plans -------------------------------------------------------------------

    @SqlQuery("select coalesce(max(version), 0) from commission_plans where id = :id")
    int latestVersion(@Bind("id") String id);

    @SqlUpdate("insert into commission_plans (id, version, effective_from, document, created_by, created_at)"
            + " values (:id, :version, :effectiveFrom, :document, :createdBy, :createdAt)")
    void insertPlan(@Bind("id") String id, @Bind("version") int version, @Bind("effectiveFrom") LocalDate effectiveFrom,
                    @Bind("document") String document, @Bind("createdBy") String createdBy,
                    @Bind("createdAt") Instant createdAt);

    @SqlQuery(PLAN_VERSION
            + " where id = :id and effective_from <= :on order by version desc limit 1")
    @RegisterConstructorMapper(PlanVersion.class)
    Optional<PlanVersion> planEffective(@Bind("id") String id, @Bind("on") LocalDate on);

    @SqlQuery(PLAN_VERSION
            + " where id = :id order by version desc limit 1")
    @RegisterConstructorMapper(PlanVersion.class)
    Optional<PlanVersion> planLatest(@Bind("id") String id);

    @SqlQuery(PLAN_VERSION
            + " where id = :id and version = :version")
    @RegisterConstructorMapper(PlanVersion.class)
    Optional<PlanVersion> plan(@Bind("id") String id, @Bind("version") int version);

    @SqlQuery(PLAN_VERSION
            + " where id = :id order by version")
    @RegisterConstructorMapper(PlanVersion.class)
    List<PlanVersion> planVersions(@Bind("id") String id);

    // ---- assignments and quotas -----------------------------------------------------

    @SqlQuery("select username, plan_id, valid_from as \"from\", valid_to as \"to\" from commission_assignments"
            + " where username = :username order by valid_from")
    @RegisterConstructorMapper(Assignment.class)
    List<Assignment> assignments(@Bind("username") String username);

    @SqlQuery("select distinct username from commission_assignments where plan_id = :planId")
    List<String> assignedUsers(@Bind("planId") String planId);

    @SqlUpdate("delete from commission_assignments where username = :username and plan_id = :planId")
    int deleteAssignments(@Bind("username") String username, @Bind("planId") String planId);

    @SqlUpdate("insert into commission_assignments (username, plan_id, valid_from, valid_to)"
            + " values (:username, :planId, :from, :to)")
    void insertAssignment(@Bind("username") String username, @Bind("planId") String planId,
                          @Bind("from") LocalDate from, @Bind("to") LocalDate to);

    @SqlQuery("select amount from commission_quotas where username = :username and period = :period")
    Optional<BigDecimal> quota(@Bind("username") String username, @Bind("period") String period);

    @SqlUpdate("insert into commission_quotas (username, period, amount) values (:username, :period, :amount)"
            + " on conflict (username, period) do update set amount = excluded.amount")
    void putQuota(@Bind("username") String username, @Bind("period") String period, @Bind("amount") BigDecimal amount);

    // ---- transactions ---------------------------------------------------------------

    String TRANSACTION_COLUMNS = "t.id, t.deal_id, t.close_date, t.sku, t.family, t.units, t.amount, t.currency,"
            + " t.industry, t.deal_type, t.acv, t.tcv, t.cancelled_on";

    @SqlUpdate("delete from commission_transactions where id = :id")
    int deleteTransaction(@Bind("id") String id);

    @SqlUpdate("insert into commission_transactions (id, deal_id, close_date, sku, family, units, amount, currency,"
            + " industry, deal_type, acv, tcv, cancelled_on, source, updated_at) values (:id, :dealId, :closeDate, :sku,"
            + " :family, :units, :amount, :currency, :industry, :dealType, :acv, :tcv, :cancelledOn, :source, :now)")
    void insertTransaction(@Bind("id") String id, @Bind("dealId") String dealId, @Bind("closeDate") LocalDate closeDate,
                           @Bind("sku") String sku, @Bind("family") String family, @Bind("units") BigDecimal units,
                           @Bind("amount") BigDecimal amount, @Bind("currency") String currency,
                           @Bind("industry") String industry, @Bind("dealType") String dealType,
                           @Bind("acv") BigDecimal acv, @Bind("tcv") BigDecimal tcv,
                           @Bind("cancelledOn") LocalDate cancelledOn, @Bind("source") String source,
                           @Bind("now") Instant now);

    @SqlBatch("insert into commission_splits (transaction_id, username, percent) values (:transactionId, :username, :percent)")
    void insertSplits(@Bind("transactionId") List<String> transactionIds, @Bind("username") List<String> usernames,
                      @Bind("percent") List<BigDecimal> percents);

    @SqlUpdate("update commission_transactions set cancelled_on = :on, updated_at = :now where deal_id = :dealId"
            + " and cancelled_on is null")
    int cancelDeal(@Bind("dealId") String dealId, @Bind("on") LocalDate on, @Bind("now") Instant now);

    @SqlQuery("select " + TRANSACTION_COLUMNS + ", s.username, s.percent from commission_transactions t"
            + " join commission_splits s on s.transaction_id = t.id where t.id in (<ids>) order by t.id, s.username")
    List<Map<String, Object>> transactionRowsById(@BindList("ids") List<String> ids);

    /** Transactions that closed in [from, to] with the user among the splits, each with all its splits. */
    @SqlQuery("select " + TRANSACTION_COLUMNS + ", s.username, s.percent from commission_transactions t"
            + " join commission_splits s on s.transaction_id = t.id"
            + " where t.close_date between :from and :to and exists (select 1 from commission_splits mine"
            + " where mine.transaction_id = t.id and mine.username = :username) order by t.id, s.username")
    List<Map<String, Object>> transactionRowsOf(@Bind("username") String username, @Bind("from") LocalDate from,
                                                @Bind("to") LocalDate to);

    /** The user's transactions cancelled in [from, to] that closed before {@code from}. */
    @SqlQuery("select " + TRANSACTION_COLUMNS + ", s.username, s.percent from commission_transactions t"
            + " join commission_splits s on s.transaction_id = t.id"
            + " where t.cancelled_on between :from and :to and t.close_date < :from and s.username = :username"
            + " order by t.id")
    List<Map<String, Object>> cancelledEarlier(@Bind("username") String username, @Bind("from") LocalDate from,
                                               @Bind("to") LocalDate to);

    @SqlQuery("select " + TRANSACTION_COLUMNS + ", s.username, s.percent from commission_transactions t"
            + " join commission_splits s on s.transaction_id = t.id where t.deal_id = :dealId order by t.id, s.username")
    List<Map<String, Object>> transactionRowsOfDeal(@Bind("dealId") String dealId);

    /** Rows of (transaction columns, username, percent) grouped back into transactions, in row order. */
    static List<Transaction> group(List<Map<String, Object>> rows) {
        Map<String, List<Map<String, Object>>> byId = new LinkedHashMap<>();
        for (Map<String, Object> row : rows) {
            byId.computeIfAbsent((String) row.get("id"), key -> new ArrayList<>()).add(row);
        }
        List<Transaction> transactions = new ArrayList<>(byId.size());
        for (List<Map<String, Object>> group : byId.values()) {
            Map<String, Object> first = group.get(0);
            List<Split> splits = new ArrayList<>(group.size());
            for (Map<String, Object> row : group) {
                splits.add(new Split((String) row.get("username"), (BigDecimal) row.get("percent")));
            }
            transactions.add(new Transaction((String) first.get("id"), (String) first.get("deal_id"),
                    date(first.get("close_date")),
                    new Product((String) first.get("sku"), (String) first.get("family"), (BigDecimal) first.get("units"),
                            (String) first.get("industry"), (String) first.get("deal_type")),
                    (BigDecimal) first.get("amount"), (String) first.get("currency"),
                    new Values((BigDecimal) first.get("acv"), (BigDecimal) first.get("tcv")), splits,
                    date(first.get("cancelled_on"))));
        }
        return transactions;
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) value;
    }

    // ---- statements and jobs ----------------------------------------------------------

    record StoredStatement(String username, String period, String status, String body, BigDecimal drawBalance) {
    }

    @SqlQuery("select username, period, status, body, draw_balance from commission_statements"
            + " where username = :username and period = :period")
    @RegisterConstructorMapper(StoredStatement.class)
    Optional<StoredStatement> statement(@Bind("username") String username, @Bind("period") String period);

    @SqlUpdate("insert into commission_statements (username, period, period_start, period_end, status, body,"
            + " draw_balance, computed_at) values (:username, :period, :start, :end, 'OPEN', :body, :drawBalance, :now)"
            + " on conflict (username, period) do update set body = excluded.body, draw_balance = excluded.draw_balance,"
            + " computed_at = excluded.computed_at where commission_statements.status = 'OPEN'")
    void storeOpenStatement(@Bind("username") String username, @Bind("period") String period,
                            @Bind("start") LocalDate start, @Bind("end") LocalDate end, @Bind("body") String body,
                            @Bind("drawBalance") BigDecimal drawBalance, @Bind("now") Instant now);

    @SqlUpdate("update commission_statements set status = 'CLOSED' where period = :period and status = 'OPEN'")
    int closeStatements(@Bind("period") String period);

    /** Forgets the user's open statements ending on or after a date: their inputs changed. */
    @SqlUpdate("delete from commission_statements where username = :username and status = 'OPEN'"
            + " and period_end >= :from")
    int invalidate(@Bind("username") String username, @Bind("from") LocalDate from);

    @SqlUpdate("insert into commission_jobs (username, period, enqueued_at) values (:username, :period, :now)"
            + " on conflict do nothing")
    void enqueue(@Bind("username") String username, @Bind("period") String period, @Bind("now") Instant now);

    record Job(String username, String period) {
    }

    @SqlQuery("select username, period from commission_jobs order by enqueued_at limit 1 for update skip locked")
    @RegisterConstructorMapper(Job.class)
    Optional<Job> claimJob();

    @SqlUpdate("delete from commission_jobs where username = :username and period = :period")
    void deleteJob(@Bind("username") String username, @Bind("period") String period);

    @SqlUpdate("insert into commission_user_versions (username, version) values (:username, 1)"
            + " on conflict (username) do update set version = commission_user_versions.version + 1")
    void bumpVersion(@Bind("username") String username);

    @SqlQuery("select coalesce((select version from commission_user_versions where username = :username), 0)")
    long version(@Bind("username") String username);

    @SqlQuery("select count(*) from commission_jobs")
    long jobCount();
}
