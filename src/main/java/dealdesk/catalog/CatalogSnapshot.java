package dealdesk.catalog;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole catalog at one version, immutable and in memory, so that pricing a
 * quote never waits on the database.
 */
public final class CatalogSnapshot {
    private final long version;
    private final Map<String, Product> products;
    private final Map<String, Bundle> bundles;
    private final List<ConfigurationRule> rules;
    private final Map<String, PriceBook> priceBooks;
    private final Map<String, List<PriceBookEntry>> pricesByKey;

    public CatalogSnapshot(long version, Collection<Product> products, Collection<Bundle> bundles,
                           List<ConfigurationRule> rules, Collection<PriceBook> priceBooks,
                           Collection<PriceBookEntry> entries) {
        this.version = version;
        this.products = products.stream().collect(Collectors.toMap(Product::sku, p -> p,
                (a, b) -> a, LinkedHashMap::new));
        this.bundles = bundles.stream().collect(Collectors.toMap(Bundle::sku, b -> b, (a, b) -> a,
                LinkedHashMap::new));
        this.rules = List.copyOf(rules);
        this.priceBooks = priceBooks.stream().collect(Collectors.toMap(PriceBook::name, b -> b, (a, b) -> a,
                LinkedHashMap::new));
        Map<String, List<PriceBookEntry>> byKey = new HashMap<>();
        for (PriceBookEntry entry : entries) {
            byKey.computeIfAbsent(key(entry.priceBook(), entry.sku(), entry.currency()), k -> new java.util.ArrayList<>())
                    .add(entry);
        }
        byKey.replaceAll((k, list) -> List.copyOf(list));
        this.pricesByKey = Map.copyOf(byKey);
    }

    private static String key(String priceBook, String sku, String currency) {
        return priceBook + '\u0000' + sku + '\u0000' + currency;
    }

    public long version() {
        return version;
    }

    public Optional<Product> product(String sku) {
        return Optional.ofNullable(products.get(sku));
    }

    public Collection<Product> products() {
        return products.values();
    }

    public Optional<Bundle> bundle(String sku) {
        return Optional.ofNullable(bundles.get(sku));
    }

    public Collection<Bundle> bundles() {
        return bundles.values();
    }

    public List<ConfigurationRule> rules() {
        return rules;
    }

    public boolean hasPriceBook(String name) {
        return priceBooks.containsKey(name);
    }

    public Optional<PriceBook> priceBook(String name) {
        return Optional.ofNullable(priceBooks.get(name));
    }

    public Collection<PriceBook> priceBooks() {
        return priceBooks.values();
    }

    /** The list price of a sku in a price book and currency on a date, if there is one. */
    public Optional<PriceBookEntry> price(String priceBook, String sku, String currency, LocalDate on) {
        List<PriceBookEntry> candidates = pricesByKey.get(key(priceBook, sku, currency));
        if (candidates == null) {
            return Optional.empty();
        }
        PriceBookEntry best = null;
        for (PriceBookEntry entry : candidates) {
            if (entry.effectiveOn(on) && (best == null || entry.effectiveFrom().isAfter(best.effectiveFrom()))) {
                best = entry;
            }
        }
        return Optional.ofNullable(best);
    }

    /** The currencies a price book has any price in. */
    public Set<String> currencies(String priceBook) {
        return pricesByKey.values().stream().flatMap(List::stream)
                .filter(entry -> entry.priceBook().equals(priceBook))
                .map(PriceBookEntry::currency).collect(Collectors.toCollection(java.util.TreeSet::new));
    }
}
