package dealdesk.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Deals, their credit splits and their stage history. */
@RegisterConstructorMapper(DealDao.DealRow.class)
@RegisterConstructorMapper(CreditSplit.class)
@RegisterConstructorMapper(StageChange.class)
@RegisterConstructorMapper(CloseDateChange.class)
public interface DealDao {

    /** A deals row; the business case is JSON text. */
    record DealRow(long id, String accountName, String accountIndustry, String owner, DealStage stage,
                   int probability, LocalDate expectedClose, LocalDate closedOn, DealType type, String nextStep,
                   String businessCase, Long primaryQuoteId, int version, BigDecimal expectedAmount,
                   String currency, ForecastCategory forecastCategory, String externalId) {
    }

    String SELECT = "select id, account_name, account_industry, owner, stage, probability, expected_close, closed_on, "
            + "type, next_step, business_case::text as business_case, primary_quote_id, version, "
            + "expected_amount, currency, forecast_category, external_id from deals ";

    @SqlQuery(SELECT + "where id = :id")
    Optional<DealRow> find(@Bind("id") long id);

    @SqlQuery(SELECT + "where id = :id for update")
    Optional<DealRow> lock(@Bind("id") long id);

    /** Deals a user owns or shares, and those of the users they manage. */
    @SqlQuery(SELECT + "where owner = :username or owner in (select username from users where manager = :username) "
            + "or id in (select deal_id from deal_splits where username = :username) order by id")
    List<DealRow> visibleTo(@Bind("username") String username);

    @SqlQuery(SELECT + "order by id")
    List<DealRow> all();

    @SqlQuery(SELECT + "where external_id = :externalId for update")
    Optional<DealRow> lockByExternalId(@Bind("externalId") String externalId);

    /** Sets the pipeline fields: expected amount and currency, forecast category (null: the stage's), external id. */
    @SqlUpdate("update deals set expected_amount = :amount, currency = :currency, forecast_category = :category, "
            + "external_id = :externalId where id = :id")
    void updateForecast(@Bind("id") long id, @Bind("amount") BigDecimal amount, @Bind("currency") String currency,
                        @Bind("category") ForecastCategory category, @Bind("externalId") String externalId);

    @SqlQuery("select from_date as \"from\", to_date as \"to\", changed_by, changed_at from deal_close_date_history "
            + "where deal_id = :id order by id")
    List<CloseDateChange> closeDateHistory(@Bind("id") long id);

    @SqlUpdate("insert into deal_close_date_history (deal_id, from_date, to_date, changed_by, changed_at) "
            + "values (:id, :from, :to, :by, :at)")
    void insertCloseDateChange(@Bind("id") long id, @Bind("from") LocalDate from, @Bind("to") LocalDate to,
                               @Bind("by") String by, @Bind("at") Instant at);

    @SqlUpdate("insert into deals (account_name, account_industry, owner, stage, probability, expected_close, type, "
            + "next_step, business_case, created_at, updated_at) values (:accountName, :accountIndustry, :owner, :stage, "
            + ":probability, :expectedClose, :type, :nextStep, cast(:businessCase as jsonb), :at, :at)")
    @GetGeneratedKeys("id")
    long insert(@Bind("accountName") String accountName, @Bind("accountIndustry") String accountIndustry,
                @Bind("owner") String owner, @Bind("stage") DealStage stage, @Bind("probability") int probability,
                @Bind("expectedClose") LocalDate expectedClose, @Bind("type") DealType type,
                @Bind("nextStep") String nextStep, @Bind("businessCase") String businessCase, @Bind("at") Instant at);

    @SqlUpdate("update deals set account_name = :accountName, account_industry = :accountIndustry, stage = :stage, "
            + "probability = :probability, expected_close = :expectedClose, closed_on = :closedOn, type = :type, "
            + "next_step = :nextStep, business_case = cast(:businessCase as jsonb), primary_quote_id = :primaryQuoteId, "
            + "version = version + 1, updated_at = :at where id = :id")
    void update(@Bind("id") long id, @Bind("accountName") String accountName,
                @Bind("accountIndustry") String accountIndustry, @Bind("stage") DealStage stage,
                @Bind("probability") int probability, @Bind("expectedClose") LocalDate expectedClose,
                @Bind("closedOn") LocalDate closedOn, @Bind("type") DealType type, @Bind("nextStep") String nextStep,
                @Bind("businessCase") String businessCase, @Bind("primaryQuoteId") Long primaryQuoteId,
                @Bind("at") Instant at);

    @SqlUpdate("update deals set primary_quote_id = :quoteId where id = :id and primary_quote_id is null")
    void setPrimaryQuoteIfNone(@Bind("id") long id, @Bind("quoteId") long quoteId);

    @SqlQuery("select username, percent from deal_splits where deal_id = :id order by percent desc, username")
    List<CreditSplit> splits(@Bind("id") long id);

    @SqlUpdate("delete from deal_splits where deal_id = :id")
    void deleteSplits(@Bind("id") long id);

    @SqlUpdate("insert into deal_splits (deal_id, username, percent) values (:id, :username, :percent)")
    void insertSplit(@Bind("id") long id, @Bind("username") String username, @Bind("percent") BigDecimal percent);

    @SqlQuery("select from_stage as \"from\", to_stage as \"to\", changed_by, changed_at from deal_stage_history "
            + "where deal_id = :id order by id")
    List<StageChange> history(@Bind("id") long id);

    @SqlUpdate("insert into deal_stage_history (deal_id, from_stage, to_stage, changed_by, changed_at) "
            + "values (:id, :from, :to, :by, :at)")
    void insertStageChange(@Bind("id") long id, @Bind("from") DealStage from, @Bind("to") DealStage to,
                           @Bind("by") String by, @Bind("at") Instant at);
}
