package dealdesk.pricing;

/** What an approval threshold looks at in the priced quote. */
public enum ApprovalMetric {
    /** The largest discount off list of any line, in percent. */
    LINE_DISCOUNT_PERCENT,
    /** The quote's total discount over its list total, in percent. */
    TOTAL_DISCOUNT_PERCENT,
    /** The total contract value, in the quote's currency. */
    TCV
}
