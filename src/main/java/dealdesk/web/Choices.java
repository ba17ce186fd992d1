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
                      List<ProductGroup> productGroups, List<String> segments, List<String> locales) {

    public record Option(String value, String label, String account, String industry) {
        Option(String value, String label) {
            this(value, label, "", "");
        }
    }

    /** A price book and the currencies it has prices in, space-separated (for the currency picker). */
    public record PriceBookOption(String name, String currencies) {
    }

    public record ProductGroup(String family, List<Option> products) {
    }

    private static final List<String> SEGMENTS = List.of("COMMERCIAL", "ENTERPRISE", "EDUCATION", "PARTNER");
    private static final List<String> LOCALES = List.of("en-US", "en-GB", "de-DE", "fr-FR", "es-ES", "it-IT",
            "nl-NL", "tr-TR", "hu-HU", "az-AZ", "ja-JP", "fa-IR", "ar-SA");

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
                        .add(new Option(product.sku(), product.name() + " · " + product.sku())));
        List<ProductGroup> groups = byFamily.entrySet().stream()
                .map(entry -> new ProductGroup(entry.getKey(), List.copyOf(entry.getValue()))).toList();
        return new Choices(dealOptions, List.copyOf(books), List.copyOf(currencies), groups, SEGMENTS, LOCALES);
    }

    static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
