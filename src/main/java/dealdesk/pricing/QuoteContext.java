package dealdesk.pricing;

import java.time.LocalDate;

/** The quote-level facts rules match on: currency, customer segment and account, term and start date. */
public record QuoteContext(String currency, String segment, String account, int termMonths, LocalDate startDate) {
}
