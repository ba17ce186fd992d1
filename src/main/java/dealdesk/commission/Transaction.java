package dealdesk.commission;

import dealdesk.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The engine's input: a booking from a closed deal or imported from a CRM.
 * {@code acv} and {@code tcv} are set for deals closed here (the plan's credit
 * basis picks one); an imported booking has only {@code amount}, used for
 * every basis. {@code cancelledOn} is set when the deal was cancelled. The
 * amount is null only in a booking that failed validation.
 */
public record Transaction(
        String id,
        String dealId,
        LocalDate closeDate,
        Product product,
        Money amount,
        Values values,
        List<Split> splits,
        LocalDate cancelledOn,
        Conversion conversion) {

    /** A booking in the plan's own currency. */
    public Transaction(String id, String dealId, LocalDate closeDate, Product product, Money amount, Values values,
                       List<Split> splits, LocalDate cancelledOn) {
        this(id, dealId, closeDate, product, amount, values, splits, cancelledOn, null);
    }

    /**
     * A booking made in another currency than its plan's: its amount there, and the rate
     * (of the day {@code rateDate}, the latest on or before the close) that converted it.
     * Shown in statement traces as {currency, amount, rate, rateDate}.
     */
    public record Conversion(String currency, BigDecimal amount, BigDecimal rate, LocalDate rateDate) {

        public static Conversion of(Money original, BigDecimal rate, LocalDate rateDate) {
            return new Conversion(original.currency().getCurrencyCode(), original.amount(), rate, rateDate);
        }

        /** The booking as it was made, in its own currency. */
        public Money original() {
            return Money.of(amount, Money.currency(currency));
        }
    }

    /**
     * A booking as a request states it: plain numbers and a currency code, each amount
     * Money in that currency (null where the number or a known currency is missing, which
     * validation reports).
     */
    public static Transaction requested(String id, String dealId, LocalDate closeDate, Product product,
                                        BigDecimal amount, String currency, BigDecimal acv, BigDecimal tcv,
                                        List<Split> splits) {
        java.util.Currency known = Money.isKnownCurrency(currency) ? java.util.Currency.getInstance(currency) : null;
        return new Transaction(id, dealId, closeDate, product, money(amount, known),
                new Values(money(acv, known), money(tcv, known)), splits, null);
    }

    private static Money money(BigDecimal amount, java.util.Currency currency) {
        return amount == null || currency == null ? null : Money.of(amount, currency);
    }

    /** The currency code of the amount (null only in a booking that failed validation). */
    public String currency() {
        return amount == null ? null : amount.currency().getCurrencyCode();
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
    public record Values(Money acv, Money tcv) {
        public static final Values NONE = new Values(null, null);
    }

    public record Split(String username, BigDecimal percent) {
    }

    public Transaction withSplits(List<Split> newSplits) {
        return new Transaction(id, dealId, closeDate, product, amount, values, newSplits, cancelledOn, conversion);
    }

    public Transaction withCancelledOn(LocalDate date) {
        return new Transaction(id, dealId, closeDate, product, amount, values, splits, date, conversion);
    }
}
