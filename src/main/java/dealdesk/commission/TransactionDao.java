package dealdesk.commission;

import dealdesk.commission.Transaction.Product;
import dealdesk.commission.Transaction.Split;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.result.RowReducer;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowReducer;

/** Bookings and their splits (commission_transactions, commission_splits), read back as {@link Transaction}s. */
public interface TransactionDao {
    String SELECT = "select t.id, t.deal_id, t.close_date, t.sku, t.family, t.units, t.amount, t.currency,"
            + " t.industry, t.deal_type, t.acv, t.tcv, t.cancelled_on,"
            + " t.original_amount, t.original_currency, t.exchange_rate, t.rate_date, s.username, s.percent"
            + " from commission_transactions t join commission_splits s on s.transaction_id = t.id";

    /** A stored transaction's splits, one row each. */
    record SplitRow(String transactionId, String username, BigDecimal percent) {
    }

    @SqlUpdate("delete from commission_transactions where id = any(:ids)")
    int delete(@Bind("ids") String[] ids);

    @SqlBatch("insert into commission_transactions (id, deal_id, close_date, sku, family, units, amount, currency,"
            + " industry, deal_type, acv, tcv, cancelled_on, original_amount, original_currency, exchange_rate,"
            + " rate_date, source, updated_at) values (:id, :dealId, :closeDate,"
            + " :product.sku, :product.family, :product.units, :amount, :currency, :product.industry,"
            + " :product.dealType, :values.acv, :values.tcv, :cancelledOn, :originalAmount, :originalCurrency,"
            + " :exchangeRate, :rateDate, :source, :now)")
    void insert(@BindMethods Collection<Transaction> transactions, @Bind("source") String source,
                @Bind("now") Instant now);

    @SqlBatch("insert into commission_splits (transaction_id, username, percent)"
            + " values (:transactionId, :username, :percent)")
    void insertSplits(@BindMethods Collection<SplitRow> splits);

    @SqlUpdate("update commission_transactions set cancelled_on = :on, updated_at = :now where deal_id = :dealId"
            + " and cancelled_on is null")
    int cancelDeal(@Bind("dealId") String dealId, @Bind("on") LocalDate on, @Bind("now") Instant now);

    @SqlQuery(SELECT + " where t.id in (<ids>) order by t.id, s.username")
    @UseRowReducer(Reducer.class)
    List<Transaction> byIds(@BindList("ids") Collection<String> ids);

    /** Transactions that closed in [from, to] with the user among the splits, each with all its splits. */
    @SqlQuery(SELECT + " where t.close_date between :from and :to and exists (select 1 from commission_splits mine"
            + " where mine.transaction_id = t.id and mine.username = :username) order by t.id, s.username")
    @UseRowReducer(Reducer.class)
    List<Transaction> closedIn(@Bind("username") String username, @Bind("from") LocalDate from,
                               @Bind("to") LocalDate to);

    /** The user's transactions cancelled in [from, to] that closed before {@code from} (with the user's split only). */
    @SqlQuery(SELECT + " where t.cancelled_on between :from and :to and t.close_date < :from"
            + " and s.username = :username order by t.id")
    @UseRowReducer(Reducer.class)
    List<Transaction> cancelledEarlier(@Bind("username") String username, @Bind("from") LocalDate from,
                                       @Bind("to") LocalDate to);

    @SqlQuery(SELECT + " where t.deal_id = :dealId order by t.id, s.username")
    @UseRowReducer(Reducer.class)
    List<Transaction> ofDeal(@Bind("dealId") String dealId);

    /** Stores transactions (which must not exist yet) with their splits, two batches whatever their number. */
    default void insertAll(Collection<Transaction> transactions, String source, Instant now) {
        if (transactions.isEmpty()) {
            return;
        }
        insert(transactions, source, now);
        List<SplitRow> splits = new ArrayList<>();
        for (Transaction transaction : transactions) {
            for (Split split : transaction.splits()) {
                splits.add(new SplitRow(transaction.id(), split.username(), split.percent()));
            }
        }
        insertSplits(splits);
    }

    default int deleteAll(Collection<String> ids) {
        return ids.isEmpty() ? 0 : delete(ids.toArray(String[]::new));
    }

    /** Joins rows of (transaction columns, username, percent) back into transactions, in row order. */
    final class Reducer implements RowReducer<Map<String, Reducer.Building>, Transaction> {

        /** A transaction whose splits are still being read. */
        record Building(Transaction transaction, List<Split> splits) {
        }

        @Override
        public Map<String, Building> container() {
            return new LinkedHashMap<>();
        }

        @Override
        public void accumulate(Map<String, Building> container, RowView row) {
            String id = row.getColumn("id", String.class);
            Building building = container.computeIfAbsent(id, key -> new Building(read(row), new ArrayList<>()));
            building.splits().add(new Split(row.getColumn("username", String.class),
                    row.getColumn("percent", BigDecimal.class)));
        }

        @Override
        public Stream<Transaction> stream(Map<String, Building> container) {
            return container.values().stream().map(building -> {
                Transaction read = building.transaction();
                return new Transaction(read.id(), read.dealId(), read.closeDate(), read.product(), read.amount(),
                        read.currency(), read.values(), List.copyOf(building.splits()), read.cancelledOn(),
                        read.conversion());
            });
        }

        private static Transaction read(RowView row) {
            return new Transaction(row.getColumn("id", String.class), row.getColumn("deal_id", String.class),
                    row.getColumn("close_date", LocalDate.class),
                    new Product(row.getColumn("sku", String.class), row.getColumn("family", String.class),
                            row.getColumn("units", BigDecimal.class), row.getColumn("industry", String.class),
                            row.getColumn("deal_type", String.class)),
                    row.getColumn("amount", BigDecimal.class), row.getColumn("currency", String.class),
                    new Transaction.Values(row.getColumn("acv", BigDecimal.class), row.getColumn("tcv", BigDecimal.class)),
                    List.of(), row.getColumn("cancelled_on", LocalDate.class), conversion(row));
        }

        private static Transaction.Conversion conversion(RowView row) {
            String currency = row.getColumn("original_currency", String.class);
            return currency == null ? null : new Transaction.Conversion(currency,
                    row.getColumn("original_amount", BigDecimal.class), row.getColumn("exchange_rate", BigDecimal.class),
                    row.getColumn("rate_date", LocalDate.class));
        }
    }
}
