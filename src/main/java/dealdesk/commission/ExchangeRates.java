package dealdesk.commission;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** Dated exchange rates (kept by finance): the rate converting one currency into another on a day. */
public interface ExchangeRates {
    ExchangeRates NONE = (from, to, on) -> Optional.empty();

    /** How many {@code to} one {@code from} buys on a day, and the day that rate was set for. */
    record Rate(BigDecimal rate, LocalDate date) {
    }

    Optional<Rate> rate(String from, String to, LocalDate on);
}
