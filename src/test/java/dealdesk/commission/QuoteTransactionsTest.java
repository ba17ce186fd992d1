package dealdesk.commission;

import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.commission.Transaction.Split;
import dealdesk.common.Money;
import dealdesk.pricing.Totals;
import dealdesk.quote.PricedQuote;
import dealdesk.quote.PricedQuoteLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A won quote's lines become bookings whose ACV is rounded to the quote currency's minor unit. */
class QuoteTransactionsTest {

    private static PricedQuote twoYearSubscription(String currency, String netTotal) {
        Money total = Money.of(netTotal, currency);
        Money zero = Money.zero(total.currency());
        PricedQuoteLine line = new PricedQuoteLine("CRM-PRO", "Sales Cloud", "CRM", "SUBSCRIPTION", "user",
                BigDecimal.TEN, BigDecimal.ZERO, null, total, total, total, total, total, List.of());
        return new PricedQuote(currency, List.of(line), new Totals(zero, total, total, total, total, zero), List.of(),
                List.of(), null);
    }

    private static Transaction booked(String currency, String netTotal) {
        return QuoteTransactions.of("deal-1", LocalDate.parse("2026-11-20"), twoYearSubscription(currency, netTotal),
                24, "RETAIL", "NEW", List.of(new Split("alice", BigDecimal.valueOf(100)))).get(0);
    }

    @Test
    void aYenSubscriptionOverTwoYearsHasAnAcvInWholeYen() {
        Transaction booking = booked("JPY", "1000001");

        // 1,000,001 / 2 = 500,000.5 -> 500,001 (not 500,000.50)
        assertThat(booking.values().acv()).isEqualTo(Money.of("500001", "JPY"));
        assertThat(booking.values().tcv()).isEqualTo(Money.of("1000001", "JPY"));
    }

    @Test
    void aDinarSubscriptionOverTwoYearsKeepsThreeDecimalsOfAcv() {
        Transaction booking = booked("BHD", "1000.001");

        // 1,000.001 / 2 = 500.0005 -> 500.001 (not 500.00)
        assertThat(booking.values().acv()).isEqualTo(Money.of("500.001", "BHD"));
    }
}
