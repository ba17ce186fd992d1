package dealdesk.commission.engine;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One split user's credit from one transaction, in the period's order (close
 * date, then transaction id). {@code start} and {@code end} place the credit
 * on the tier axis in money: the credited amount before it and after it.
 */
public record CreditFact(
        int sequence,
        String transactionId,
        String dealId,
        LocalDate closeDate,
        Attributes attributes,
        BigDecimal basis,
        BigDecimal percent,
        BigDecimal amount,
        BigDecimal units,
        BigDecimal start,
        BigDecimal end,
        LocalDate cancelledOn) {

    public record Attributes(String sku, String family, String industry, String dealType) {
    }

    public String sku() {
        return attributes.sku();
    }

    public String family() {
        return attributes.family();
    }

    public String industry() {
        return attributes.industry();
    }

    public String dealType() {
        return attributes.dealType();
    }

    /**
     * Identity: each credit is one fact, and the engine keys maps by it; a
     * record's value hash over a dozen fields would cost more than the rules.
     */
    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    public boolean zeroWidth() {
        return end.compareTo(start) == 0;
    }

    /** Whether the deal was cancelled no later than {@code days} after it closed. */
    public boolean cancelledWithin(int days) {
        return cancelledOn != null && !cancelledOn.isAfter(closeDate.plusDays(days));
    }
}
