package dealdesk.commission;

import dealdesk.commission.Transaction.Product;
import dealdesk.commission.Transaction.Split;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jdbi.v3.core.result.RowReducer;
import org.jdbi.v3.core.result.RowView;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.statement.UseRowReducer;

/** Bookings and their splits (commission_transactions, commission_splits), read back as {@link Transaction}s. */
public interface TransactionDao {
    String SELECT = "select t.id, t.deal_id, t.close_date, t.sku, t.family, t.units, t.amount, t.currency,"
            + " t.industry, t.deal_type, t.acv, t.tcv, t.cancelled_on,"
            + " t.original_amount, t.original_currency, t.exchange_rate, t.rate_date, s.username, s.percent"
            + " from commission_transactions t join commission_splits s on s.transaction_id = t.id";

    @SqlUpdate("delete from commission_transactions where id = any(:ids)")
    int delete(@Bind("ids") String[] ids);

    /** Inserts many transactions in one statement: one text array per column, cast by PostgreSQL. */
    @SqlUpdate("insert into commission_transactions (id, deal_id, close_date, sku, family, units, amount, currency,"
            + " industry, deal_type, acv, tcv, cancelled_on, original_amount, original_currency, exchange_rate,"
            + " rate_date, source, updated_at)"
            + " select id, deal_id, close_date::date, sku, family, units::numeric, amount::numeric, currency, industry,"
            + " deal_type, acv::numeric, tcv::numeric, cancelled_on::date, original_amount::numeric,"
            + " original_currency, exchange_rate::numeric, rate_date::date, :source, :now"
            + " from unnest(:columns.ids, :columns.dealIds, :columns.closeDates, :columns.skus, :columns.families,"
            + " :columns.units, :columns.amounts, :columns.currencies, :columns.industries, :columns.dealTypes,"
            + " :columns.acvs, :columns.tcvs, :columns.cancelledOns, :columns.originalAmounts,"
            + " :columns.originalCurrencies, :columns.exchangeRates, :columns.rateDates)"
            + " as t(id, deal_id, close_date, sku, family, units, amount, currency, industry, deal_type, acv, tcv,"
            + " cancelled_on, original_amount, original_currency, exchange_rate, rate_date)")
    void insertColumns(@BindMethods("columns") Columns columns, @Bind("source") String source,
                       @Bind("now") Instant now);

    @SqlUpdate("insert into commission_splits (transaction_id, username, percent)"
            + " select transaction_id, username, percent::numeric"
            + " from unnest(:transactionIds, :usernames, :percents) as s(transaction_id, username, percent)")
    void insertSplitColumns(@Bind("transactionIds") String[] transactionIds, @Bind("usernames") String[] usernames,
                            @Bind("percents") String[] percents);

    @SqlUpdate("update commission_transactions set cancelled_on = :on, updated_at = :now where deal_id = :dealId"
            + " and cancelled_on is null")
    int cancelDeal(@Bind("dealId") String dealId, @Bind("on") LocalDate on, @Bind("now") Instant now);

    @SqlQuery(SELECT + " where t.id = any(:ids) order by t.id, s.username")
    @UseRowReducer(Reducer.class)
    List<Transaction> byIds(@Bind("ids") String[] ids);

    /** The stored transactions among these ids that another source (IMPORT or DEAL) wrote. */
    @SqlQuery("select id from commission_transactions where id = any(:ids) and source <> :source")
    List<String> fromOtherSource(@Bind("ids") String[] ids, @Bind("source") String source);

    default List<String> fromOtherSource(Collection<String> ids, String source) {
        return ids.isEmpty() ? List.of() : fromOtherSource(ids.toArray(String[]::new), source);
    }

    /** The stored transactions among these ids, each with all its splits. */
    default List<Transaction> byIds(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : byIds(ids.toArray(String[]::new));
    }

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

    /** Stores transactions (which must not exist yet) with their splits: two statements whatever their number. */
    default void insertAll(Collection<Transaction> transactions, String source, Instant now) {
        if (transactions.isEmpty()) {
            return;
        }
        insertColumns(Columns.of(transactions), source, now);
        List<String> ids = new ArrayList<>();
        List<String> usernames = new ArrayList<>();
        List<String> percents = new ArrayList<>();
        for (Transaction transaction : transactions) {
            for (Split split : transaction.splits()) {
                ids.add(transaction.id());
                usernames.add(split.username());
                percents.add(split.percent().toPlainString());
            }
        }
        insertSplitColumns(ids.toArray(String[]::new), usernames.toArray(String[]::new),
                percents.toArray(String[]::new));
    }

    /** Transactions as one text array per column, for {@link #insertColumns}. */
    record Columns(String[] ids, String[] dealIds, String[] closeDates, String[] skus, String[] families,
                   String[] units, String[] amounts, String[] currencies, String[] industries, String[] dealTypes,
                   String[] acvs, String[] tcvs, String[] cancelledOns, String[] originalAmounts,
                   String[] originalCurrencies, String[] exchangeRates, String[] rateDates) {

        static Columns of(Collection<Transaction> transactions) {
            int size = transactions.size();
            Columns columns = new Columns(new String[size], new String[size], new String[size], new String[size],
                    new String[size], new String[size], new String[size], new String[size], new String[size],
                    new String[size], new String[size], new String[size], new String[size], new String[size],
                    new String[size], new String[size], new String[size]);
            int i = 0;
            for (Transaction transaction : transactions) {
                columns.ids[i] = transaction.id();
                columns.dealIds[i] = transaction.dealId();
                columns.closeDates[i] = text(transaction.closeDate());
                columns.skus[i] = transaction.product().sku();
                columns.families[i] = transaction.product().family();
                columns.units[i] = plain(transaction.product().units());
                columns.amounts[i] = plain(transaction.amount());
                columns.currencies[i] = transaction.currency();
                columns.industries[i] = transaction.product().industry();
                columns.dealTypes[i] = transaction.product().dealType();
                columns.acvs[i] = transaction.values() == null ? null : plain(transaction.values().acv());
                columns.tcvs[i] = transaction.values() == null ? null : plain(transaction.values().tcv());
                columns.cancelledOns[i] = text(transaction.cancelledOn());
                columns.originalAmounts[i] = plain(transaction.originalAmount());
                columns.originalCurrencies[i] = transaction.originalCurrency();
                columns.exchangeRates[i] = plain(transaction.exchangeRate());
                columns.rateDates[i] = text(transaction.rateDate());
                i++;
            }
            return columns;
        }

        private static String plain(BigDecimal value) {
            return value == null ? null : value.toPlainString();
        }

        private static String plain(Money value) {
            return value == null ? null : value.amount().toPlainString();
        }

        private static String text(LocalDate date) {
            return date == null ? null : date.toString();
        }
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
                        read.values(), List.copyOf(building.splits()), read.cancelledOn(),
                        read.conversion());
            });
        }

        private static Transaction read(RowView row) {
            Currency currency = Currency.getInstance(row.getColumn("currency", String.class));
            return new Transaction(row.getColumn("id", String.class), row.getColumn("deal_id", String.class),
                    row.getColumn("close_date", LocalDate.class),
                    new Product(row.getColumn("sku", String.class), row.getColumn("family", String.class),
                            row.getColumn("units", BigDecimal.class), row.getColumn("industry", String.class),
                            row.getColumn("deal_type", String.class)),
                    Money.of(row.getColumn("amount", BigDecimal.class), currency),
                    new Transaction.Values(money(row.getColumn("acv", BigDecimal.class), currency),
                            money(row.getColumn("tcv", BigDecimal.class), currency)),
                    List.of(), row.getColumn("cancelled_on", LocalDate.class), conversion(row));
        }

        private static Money money(BigDecimal amount, Currency currency) {
            return amount == null ? null : Money.of(amount, currency);
        }

        private static Transaction.Conversion conversion(RowView row) {
            String currency = row.getColumn("original_currency", String.class);
            return currency == null ? null : new Transaction.Conversion(currency,
                    row.getColumn("original_amount", BigDecimal.class), row.getColumn("exchange_rate", BigDecimal.class),
                    row.getColumn("rate_date", LocalDate.class));
        }
    }
}
