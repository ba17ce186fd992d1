package dealdesk.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One unit of {@code from} is worth {@code rate} units of {@code to}, from {@code date} until a later rate. */
public record ExchangeRate(String from, String to, LocalDate date, BigDecimal rate, String updatedBy,
                           Instant updatedAt) {
}
