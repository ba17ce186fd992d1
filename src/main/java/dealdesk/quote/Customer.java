package dealdesk.quote;

/**
 * Who the quote is for. {@code name} is also the account that contracted
 * prices are matched on; {@code segment} (e.g. COMMERCIAL, ENTERPRISE,
 * EDUCATION, PARTNER) selects segment and partner prices; {@code locale}
 * (e.g. de-DE, ja-JP) is how the proposal formats money and dates.
 */
public record Customer(String name, String segment, String industry, String country, String locale) {
}
