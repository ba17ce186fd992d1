package dealdesk.commission;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The engine's input: a booking from a closed deal or imported from a CRM.
 * {@code acv} and {@code tcv} are set for deals closed here (the plan's credit
 * basis picks one); an imported booking has only {@code amount}, used for
 * every basis. {@code cancelledOn} is set when the deal was cancelled.
 */
public record Transaction(
        String id,
        String dealId,
        LocalDate closeDate,
        Product product,
        BigDecimal amount,
        String currency,
        Values values,
        List<Split> splits,
        LocalDate cancelledOn,
        Conversion conversion) {

    /** A booking in the plan's own currency. */
    public Transaction(String id, String dealId, LocalDate closeDate, Product product, BigDecimal amount,
                       String currency, Values values, List<Split> splits, LocalDate cancelledOn) {
        this(id, dealId, closeDate, product, amount, currency, values, splits, cancelledOn, null);
    }

    /**
     * A booking made in another currency than its plan's: its amount there, and the rate
     * (of the day {@code rateDate}, the latest on or before the close) that converted it.
     */
    public record Conversion(String currency, BigDecimal amount, BigDecimal rate, LocalDate rateDate) {
    }

    public BigDecimal originalAmount() {
        return conversion == null ? null : conversion.amount();
    }

    public String originalCurrency() {
        return conversion == null ? null : conversion.currency();
    }

    public BigDecimal exchangeRate() {
        return conversion == null ? null : conversion.rate();
    }

    public LocalDate rateDate() {
        return conversion == null ? null : conversion.rateDate();
    }

    /** sku and family need not exist in the catalog: a CRM has its own. */
    public record Product(String sku, String family, BigDecimal units, String industry, String dealType) {
    }

    /** Optional ACV and TCV of a deal closed here; null for imported bookings. */
    public record Values(BigDecimal acv, BigDecimal tcv) {
        public static final Values NONE = new Values(null, null);
    }

    public record Split(String username, BigDecimal percent) {
    }

    public Transaction withCancelledOn(LocalDate date) {
        return new Transaction(id, dealId, closeDate, product, amount, currency, values, splits, date, conversion);
    }
}
