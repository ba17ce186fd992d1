package dealdesk.quote;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Who the quote is for. {@code name} is also the account that contracted
 * prices are matched on; {@code segment} (e.g. COMMERCIAL, ENTERPRISE,
 * EDUCATION, PARTNER) selects segment and partner prices; {@code locale}
 * (e.g. de-DE, ja-JP) is how the proposal formats money and dates.
 */
public record Customer(
        @NotBlank(message = "customer name is required (at most 200 characters)")
        @Size(max = 200, message = "customer name is required (at most 200 characters)")
        String name,
        @Size(max = 64, message = "at most 64 characters")
        String segment,
        @Size(max = 200, message = "at most 200 characters")
        String industry,
        @Size(max = 64, message = "at most 64 characters")
        String country,
        @Pattern(regexp = "[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8}){0,3}", message = "a locale like en-US, de-DE or ja-JP")
        String locale) {
}
