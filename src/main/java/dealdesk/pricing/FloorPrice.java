package dealdesk.pricing;

import java.math.BigDecimal;

/**
 * The guardrail: a line of this sku or family (exactly one is set) may not be
 * sold below {@code percentOfList} percent of its list price. A line below it
 * is an error: the quote can be previewed but not submitted.
 */
public record FloorPrice(String name, String sku, String family, BigDecimal percentOfList) {
}
