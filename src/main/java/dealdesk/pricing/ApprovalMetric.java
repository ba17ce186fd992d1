package dealdesk.pricing;

/** What an approval threshold looks at in the priced quote. */
public enum ApprovalMetric {
    /** The largest discount the rep asked for on any line, in percent (automatic discounts are policy, not asks). */
    LINE_DISCOUNT_PERCENT,
    /** The quote's total discount over its list total, in percent. */
    TOTAL_DISCOUNT_PERCENT,
    /** The total contract value, in the quote's currency. */
    TCV
}
