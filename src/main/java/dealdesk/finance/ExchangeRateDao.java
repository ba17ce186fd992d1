package dealdesk.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Dated exchange rates, one row per pair and day it starts to apply. */
@RegisterConstructorMapper(ExchangeRate.class)
public interface ExchangeRateDao {
    String COLUMNS = "select from_currency as \"from\", to_currency as \"to\", valid_on as date, rate, updated_by,"
            + " updated_at from exchange_rates";

    @SqlQuery(COLUMNS + " where (cast(:from as text) is null or from_currency = :from)"
            + " and (cast(:to as text) is null or to_currency = :to) order by from_currency, to_currency, valid_on")
    List<ExchangeRate> list(@Bind("from") String from, @Bind("to") String to);

    @SqlQuery(COLUMNS + " where from_currency = :from and to_currency = :to and valid_on = :on")
    Optional<ExchangeRate> exact(@Bind("from") String from, @Bind("to") String to, @Bind("on") LocalDate on);

    /** The rate that applies on a day: the latest one starting on or before it. */
    @SqlQuery(COLUMNS + " where from_currency = :from and to_currency = :to and valid_on <= :on"
            + " order by valid_on desc limit 1")
    Optional<ExchangeRate> on(@Bind("from") String from, @Bind("to") String to, @Bind("on") LocalDate on);

    @SqlUpdate("insert into exchange_rates (from_currency, to_currency, valid_on, rate, updated_by, updated_at)"
            + " values (:from, :to, :on, :rate, :by, :at) on conflict (from_currency, to_currency, valid_on)"
            + " do update set rate = excluded.rate, updated_by = excluded.updated_by, updated_at = excluded.updated_at")
    void put(@Bind("from") String from, @Bind("to") String to, @Bind("on") LocalDate on,
             @Bind("rate") BigDecimal rate, @Bind("by") String by, @Bind("at") Instant at);
}
