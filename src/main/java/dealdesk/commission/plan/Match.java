package dealdesk.commission.plan;

/**
 * What a plan item applies to: every key that is set must equal the
 * transaction's attribute (case-sensitive); keys left out match anything.
 */
public record Match(String sku, String family, String industry, String dealType) {

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
