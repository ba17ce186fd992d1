package dealdesk.commission;

import java.math.BigDecimal;
import java.util.Optional;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** A user's quota per period (commission_quotas). */
public interface QuotaDao {

    @SqlQuery("select amount from commission_quotas where username = :username and period = :period")
    Optional<BigDecimal> find(@Bind("username") String username, @Bind("period") String period);

    @SqlUpdate("insert into commission_quotas (username, period, amount) values (:username, :period, :amount)"
            + " on conflict (username, period) do update set amount = excluded.amount")
    void put(@Bind("username") String username, @Bind("period") String period, @Bind("amount") BigDecimal amount);
}
