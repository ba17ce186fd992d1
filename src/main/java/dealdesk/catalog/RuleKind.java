package dealdesk.catalog;

/** Configuration rules between skus or families. */
public enum RuleKind {
    /** The subject needs the target on the same quote. */
    REQUIRES,
    /** The subject and the target may not be on the same quote. */
    EXCLUDES,
    /** The subject's quantity (summed over its lines) must lie within min and max. */
    QUANTITY_LIMIT
}
