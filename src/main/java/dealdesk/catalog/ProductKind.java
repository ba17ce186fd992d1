package dealdesk.catalog;

/** How a product is sold: once, per unit per month, or as a service (usually hours or days). */
public enum ProductKind {
    ONE_TIME, SUBSCRIPTION, SERVICE
}
