package dealdesk.quote;

import dealdesk.catalog.Bundle;
import dealdesk.catalog.BundleOption;
import dealdesk.catalog.CatalogSnapshot;
import dealdesk.catalog.ConfigurationRule;
import dealdesk.catalog.Product;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a quote's lines against the catalog's configuration rules (requires,
 * excludes, quantity limits) and its bundles' options. Each break becomes an
 * error on the line at fault with the rule's message, so the rep can fix it;
 * the quote can still be previewed, but not submitted.
 */
final class ConfigurationChecker {
    private ConfigurationChecker() {
    }

    /** The lines must be valid (known skus, positive quantities). */
    static List<QuoteError> check(List<QuoteLineRequest> lines, CatalogSnapshot catalog) {
        Map<String, List<Integer>> linesOfSku = new LinkedHashMap<>();
        Map<String, List<Integer>> linesOfFamily = new HashMap<>();
        Map<String, BigDecimal> quantityOfSku = new HashMap<>();
        Map<String, BigDecimal> quantityOfFamily = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            QuoteLineRequest line = lines.get(i);
            Product product = catalog.product(line.sku()).orElseThrow();
            linesOfSku.computeIfAbsent(line.sku(), k -> new ArrayList<>()).add(i);
            linesOfFamily.computeIfAbsent(product.family(), k -> new ArrayList<>()).add(i);
            quantityOfSku.merge(line.sku(), line.quantity(), BigDecimal::add);
            quantityOfFamily.merge(product.family(), line.quantity(), BigDecimal::add);
        }
        List<QuoteError> errors = new ArrayList<>();
        for (ConfigurationRule rule : catalog.rules()) {
            List<Integer> subject = rule.subjectSku() != null ? linesOfSku.get(rule.subjectSku())
                    : linesOfFamily.get(rule.subjectFamily());
            if (subject == null) {
                continue;
            }
            String subjectName = rule.subjectSku() != null ? rule.subjectSku() : "family " + rule.subjectFamily();
            String targetName = rule.targetSku() != null ? rule.targetSku() : "family " + rule.targetFamily();
            boolean hasTarget = rule.targetSku() != null || rule.targetFamily() != null;
            BigDecimal targetQuantity = rule.targetSku() != null
                    ? quantityOfSku.getOrDefault(rule.targetSku(), BigDecimal.ZERO)
                    : quantityOfFamily.getOrDefault(rule.targetFamily(), BigDecimal.ZERO);
            String first = "lines[" + subject.get(0) + "]";
            switch (rule.kind()) {
                case REQUIRES -> {
                    if (targetQuantity.signum() == 0) {
                        errors.add(new QuoteError("CONFIGURATION_REQUIRES",
                                message(rule, subjectName + " requires " + targetName), first));
                    }
                }
                case EXCLUDES -> {
                    if (targetQuantity.signum() > 0) {
                        errors.add(new QuoteError("CONFIGURATION_EXCLUDES",
                                message(rule, subjectName + " cannot be sold with " + targetName), first));
                    }
                }
                case QUANTITY_LIMIT -> {
                    BigDecimal quantity = rule.subjectSku() != null ? quantityOfSku.get(rule.subjectSku())
                            : quantityOfFamily.get(rule.subjectFamily());
                    BigDecimal min = bound(rule.minQuantity(), hasTarget, targetQuantity);
                    BigDecimal max = bound(rule.maxQuantity(), hasTarget, targetQuantity);
                    if ((min != null && quantity.compareTo(min) < 0) || (max != null && quantity.compareTo(max) > 0)) {
                        errors.add(new QuoteError("CONFIGURATION_QUANTITY", message(rule, subjectName
                                + " quantity " + quantity.toPlainString() + " is outside its limits"), first + ".quantity"));
                    }
                }
                default -> throw new IllegalStateException("unknown rule kind " + rule.kind());
            }
        }
        Set<String> bundlesChecked = new HashSet<>();
        for (Map.Entry<String, List<Integer>> entry : linesOfSku.entrySet()) {
            Bundle bundle = catalog.bundle(entry.getKey()).orElse(null);
            if (bundle == null || !bundlesChecked.add(bundle.sku())) {
                continue;
            }
            String bundlePath = "lines[" + entry.getValue().get(0) + "]";
            // Option limits are per unit of the bundle: a kit for 10 stores takes 10 gateways.
            BigDecimal bundles = quantityOfSku.get(bundle.sku());
            String bundleName = catalog.product(bundle.sku()).map(Product::name).orElse(bundle.sku());
            for (BundleOption option : bundle.options()) {
                BigDecimal quantity = quantityOfSku.getOrDefault(option.optionSku(), BigDecimal.ZERO);
                String optionName = catalog.product(option.optionSku()).map(Product::name).orElse(option.optionSku());
                if (quantity.signum() == 0) {
                    if (option.required()) {
                        errors.add(new QuoteError("BUNDLE_OPTION_REQUIRED", bundleName + " needs " + optionName
                                + " (" + option.optionSku() + ")", bundlePath));
                    }
                    continue;
                }
                String optionPath = "lines[" + linesOfSku.get(option.optionSku()).get(0) + "].quantity";
                BigDecimal min = option.minQuantity() == null ? null : option.minQuantity().multiply(bundles);
                BigDecimal max = option.maxQuantity() == null ? null : option.maxQuantity().multiply(bundles);
                if (min != null && quantity.compareTo(min) < 0) {
                    errors.add(new QuoteError("BUNDLE_OPTION_QUANTITY", bundleName + " x" + plain(bundles)
                            + " takes at least " + plain(min) + " of " + optionName, optionPath));
                }
                if (max != null && quantity.compareTo(max) > 0) {
                    errors.add(new QuoteError("BUNDLE_OPTION_QUANTITY", bundleName + " x" + plain(bundles)
                            + " takes at most " + plain(max) + " of " + optionName, optionPath));
                }
            }
        }
        return errors;
    }

    /** A limit is absolute, or with a target a ratio of the target's quantity (one per ten seats). */
    private static BigDecimal bound(BigDecimal limit, boolean hasTarget, BigDecimal targetQuantity) {
        if (limit == null) {
            return null;
        }
        return hasTarget ? limit.multiply(targetQuantity) : limit;
    }

    private static String message(ConfigurationRule rule, String fallback) {
        return rule.message() == null || rule.message().isBlank() ? fallback : rule.message();
    }

    private static String plain(BigDecimal value) {
        return value == null ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
