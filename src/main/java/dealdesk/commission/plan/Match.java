package dealdesk.commission.plan;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a plan item applies to: every key that is set must equal the
 * transaction's attribute (case-sensitive); keys left out match anything.
 */
public record Match(
        @Pattern(regexp = TEXT, message = "sku must be a non-empty text") @Size(max = 200, message = "sku" + LONG)
        String sku,
        @Pattern(regexp = TEXT, message = "family must be a non-empty text") @Size(max = 200, message = "family" + LONG)
        String family,
        @Pattern(regexp = TEXT, message = "industry must be a non-empty text") @Size(max = 200, message = "industry" + LONG)
        String industry,
        @Pattern(regexp = TEXT, message = "dealType must be a non-empty text") @Size(max = 200, message = "dealType" + LONG)
        String dealType) {
    private static final String TEXT = "(?s).*\\S.*";
    private static final String LONG = " is at most 200 characters";

    public boolean matches(String sku, String family, String industry, String dealType) {
        return (this.sku == null || this.sku.equals(sku))
                && (this.family == null || this.family.equals(family))
                && (this.industry == null || this.industry.equals(industry))
                && (this.dealType == null || this.dealType.equals(dealType));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        append(text, "sku", sku);
        append(text, "family", family);
        append(text, "industry", industry);
        append(text, "dealType", dealType);
        return text.toString();
    }

    private static void append(StringBuilder text, String key, String value) {
        if (value != null) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(key).append('=').append(value);
        }
    }
}
