package dealdesk.catalog;

/** A named list of prices. */
public record PriceBook(String name, String description, boolean active) {
}
