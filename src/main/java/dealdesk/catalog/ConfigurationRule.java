package dealdesk.catalog;

import java.math.BigDecimal;

/**
 * A configuration rule: the subject (a sku or a family) requires, excludes or
 * limits the target. For QUANTITY_LIMIT the target may be empty (the limit is
 * on the subject itself) or name a sku or family whose quantity bounds the
 * subject's (min/max are then ratios, e.g. one support plan per 10 seats).
 */
public record ConfigurationRule(long id, RuleKind kind, String subjectSku, String subjectFamily,
                                String targetSku, String targetFamily, BigDecimal minQuantity,
                                BigDecimal maxQuantity, String message) {
}
