package dealdesk.catalog;

/**
 * A sellable item. Subscription prices are per unit per month; {@code fractional}
 * says whether a quantity may have decimals (hours of a service may, seats may not).
 */
public record Product(String sku, String name, String family, ProductKind kind, String unit,
                      boolean fractional, String description, boolean active) {
}
