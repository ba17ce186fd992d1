package dealdesk.web;

import dealdesk.auth.User;
import dealdesk.catalog.CatalogService;
import dealdesk.catalog.CatalogSnapshot;
import dealdesk.catalog.PriceBook;
import dealdesk.catalog.Product;
import dealdesk.deal.Deal;
import dealdesk.deal.DealService;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What the quote builder's pickers offer: the caller's open deals, price books, currencies and products. */
public record Choices(List<Option> deals, List<PriceBookOption> priceBooks, List<String> currencies,
                      List<ProductGroup> productGroups, List<String> segments, List<Option> locales) {

    /**
     * A choice. For a deal, {@code account} and {@code industry} fill the customer; for a bundle, {@code bundle}
     * lists its options as "sku*quantity*required" joined by spaces (quote.js adds the required and default ones).
     */
    public record Option(String value, String label, String account, String industry, String bundle) {
        Option(String value, String label) {
            this(value, label, "", "", "");
        }

        Option(String value, String label, String account, String industry) {
            this(value, label, account, industry, "");
        }
    }

    /** A price book and the currencies it has prices in, space-separated (for the currency picker). */
    public record PriceBookOption(String name, String currencies) {
    }

    public record ProductGroup(String family, List<Option> products) {
    }

    private static final List<String> SEGMENTS = List.of("COMMERCIAL", "ENTERPRISE", "EDUCATION", "PARTNER");
    /** The languages proposals are written in (templates/proposal/messages_xx): nothing renders silently in English. */
    private static final List<Option> LOCALES = List.of(new Option("en-US", "English (US)"),
            new Option("en-GB", "English (UK)"), new Option("tr-TR", "Türkçe"), new Option("hu-HU", "Magyar"),
            new Option("az-AZ", "Azərbaycan dili"), new Option("ja-JP", "日本語"), new Option("fa-IR", "فارسی"));

    static Choices load(User user, CatalogService catalog, DealService deals) {
        CatalogSnapshot snapshot = catalog.snapshot();
        List<Option> dealOptions = deals.list(user).stream()
                .filter(deal -> deal.stage().open())
                .sorted(Comparator.comparing(Deal::id))
                .map(deal -> new Option(Long.toString(deal.id()),
                        deal.account().name() + " · " + label(deal.stage().name()) + " · #" + deal.id(),
                        deal.account().name(), deal.account().industry() == null ? "" : deal.account().industry()))
                .toList();
        List<PriceBookOption> books = new ArrayList<>();
        TreeSet<String> currencies = new TreeSet<>();
        for (PriceBook book : snapshot.priceBooks()) {
            if (book.active()) {
                books.add(new PriceBookOption(book.name(), String.join(" ", snapshot.currencies(book.name()))));
                currencies.addAll(snapshot.currencies(book.name()));
            }
        }
        books.sort(Comparator.comparing(PriceBookOption::name));
        Map<String, List<Option>> byFamily = new LinkedHashMap<>();
        snapshot.products().stream()
                .filter(Product::active)
                .sorted(Comparator.comparing(Product::family).thenComparing(Product::name))
                .forEach(product -> byFamily.computeIfAbsent(product.family(), family -> new ArrayList<>())
                        .add(new Option(product.sku(), product.name() + " · " + product.sku(), "", "",
                                bundleOptions(snapshot, product.sku()))));
        List<ProductGroup> groups = byFamily.entrySet().stream()
                .map(entry -> new ProductGroup(entry.getKey(), List.copyOf(entry.getValue()))).toList();
        return new Choices(dealOptions, List.copyOf(books), List.copyOf(currencies), groups, SEGMENTS, LOCALES);
    }

    private static String bundleOptions(CatalogSnapshot snapshot, String sku) {
        return snapshot.bundle(sku).map(bundle -> bundle.options().stream()
                .filter(option -> option.required()
                        || (option.defaultQuantity() != null && option.defaultQuantity().signum() > 0))
                .map(option -> option.optionSku() + "*" + quantity(option) + "*" + option.required())
                .collect(java.util.stream.Collectors.joining(" "))).orElse("");
    }

    /** The quantity an added option starts with: its default, else its minimum, else one. */
    private static String quantity(dealdesk.catalog.BundleOption option) {
        java.math.BigDecimal quantity = option.defaultQuantity() != null && option.defaultQuantity().signum() > 0
                ? option.defaultQuantity()
                : option.minQuantity() != null && option.minQuantity().signum() > 0 ? option.minQuantity()
                : java.math.BigDecimal.ONE;
        return quantity.stripTrailingZeros().toPlainString();
    }

    static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
