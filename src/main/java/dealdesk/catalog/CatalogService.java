package dealdesk.catalog;

import dealdesk.common.ApiException;
import dealdesk.common.Audit;
import dealdesk.common.Csv;
import dealdesk.common.Money;
import dealdesk.common.Validation;
import dealdesk.common.Values;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Catalog reads and writes. Reads come from an in-memory {@link CatalogSnapshot};
 * every write runs in one transaction, bumps the catalog version and drops the
 * snapshot, and other instances notice the new version within a second.
 */
public class CatalogService {
    private static final long RECHECK_MILLIS = 1000;
    private static final int MAX_TEXT = 2000;

    private final Jdbi jdbi;
    private final Clock clock;
    private volatile CatalogSnapshot snapshot;
    private volatile Instant checkedAt = Instant.EPOCH;

    public CatalogService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    public record ProductRequest(String sku, String name, String family, ProductKind kind, String unit,
                                 Boolean fractional, String description, Boolean active) {
    }

    public record BundleRequest(List<BundleOption> options) {
    }

    public record RuleRequest(RuleKind kind, String subjectSku, String subjectFamily, String targetSku,
                              String targetFamily, BigDecimal minQuantity, BigDecimal maxQuantity, String message) {
    }

    public record PriceBookRequest(String description, Boolean active) {
    }

    public record EntryRequest(String sku, String currency, BigDecimal listPrice, LocalDate effectiveFrom,
                               LocalDate effectiveTo) {
    }

    /** The current catalog; reloaded when this instance or another one changed it. */
    public CatalogSnapshot snapshot() {
        CatalogSnapshot current = snapshot;
        Instant now = clock.instant();
        if (current != null && now.toEpochMilli() - checkedAt.toEpochMilli() < RECHECK_MILLIS) {
            return current;
        }
        long version = jdbi.withExtension(CatalogDao.class, CatalogDao::version);
        checkedAt = now;
        if (current != null && current.version() == version) {
            return current;
        }
        return reload();
    }

    private synchronized CatalogSnapshot reload() {
        CatalogSnapshot loaded = jdbi.inTransaction(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            List<Bundle> bundles = new ArrayList<>();
            for (String sku : dao.bundleSkus()) {
                bundles.add(new Bundle(sku, dao.bundleOptions(sku)));
            }
            return new CatalogSnapshot(dao.version(), dao.products(), bundles, dao.rules(), dao.priceBooks(),
                    dao.entries());
        });
        snapshot = loaded;
        return loaded;
    }

    private <T> T write(org.jdbi.v3.core.HandleCallback<T, RuntimeException> work) {
        T result = jdbi.inTransaction(handle -> {
            T value = work.withHandle(handle);
            handle.attach(CatalogDao.class).bumpVersion();
            return value;
        });
        snapshot = null;
        return result;
    }

    // --- products

    public Product product(String sku) {
        return snapshot().product(sku).orElseThrow(() -> ApiException.notFound("product", sku));
    }

    public Product createProduct(ProductRequest request, String actor) {
        Product product = validProduct(request, request == null ? null : request.sku(), "", new Validation(), true);
        return write(handle -> {
            // One creator per sku at a time: a parallel create waits, then sees the product and gets 409.
            handle.execute("select pg_advisory_xact_lock(hashtext(?))", "product:" + product.sku());
            CatalogDao dao = handle.attach(CatalogDao.class);
            if (dao.product(product.sku()).isPresent()) {
                throw new ApiException(dealdesk.common.ErrorCode.CONFLICT, "product " + product.sku() + " exists",
                        List.of(new dealdesk.common.FieldError("sku", "already exists; PUT /api/v1/products/"
                                + product.sku() + " to change it")));
            }
            dao.upsertProduct(product);
            Audit.record(handle, actor, "CREATE", "product", product.sku(), null, product);
            return product;
        });
    }

    public Product updateProduct(String sku, ProductRequest request, String actor) {
        if (request != null && request.sku() != null && !request.sku().equals(sku)) {
            throw ApiException.invalid("sku", "the sku in the body must match the path or be left out");
        }
        Product product = validProduct(request, sku, "", new Validation(), true);
        return write(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            Product before = dao.product(sku).orElseThrow(() -> ApiException.notFound("product", sku));
            dao.upsertProduct(product);
            Audit.record(handle, actor, "UPDATE", "product", sku, before, product);
            return product;
        });
    }

    /** Creates or replaces every product of a CSV; one bad row and nothing is stored. */
    public List<Product> importProducts(String csv, String actor) {
        List<Map<String, String>> rows = Csv.read(csv, Set.of("sku", "name", "family", "kind", "unit"),
                Set.of("fractional", "description", "active"));
        Validation validation = new Validation();
        List<Product> products = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String path = "rows[" + i + "].";
            ProductKind kind = Values.enumValue(ProductKind.class, row.get("kind"), path + "kind", validation);
            Boolean fractional = Values.bool(row.get("fractional"), path + "fractional", validation);
            Boolean active = Values.bool(row.get("active"), path + "active", validation);
            ProductRequest request = new ProductRequest(row.get("sku"), row.get("name"), row.get("family"), kind,
                    row.get("unit"), fractional, row.get("description"), active);
            Product product = validProduct(request, row.get("sku"), path, validation, false);
            if (product != null) {
                if (!seen.add(product.sku())) {
                    validation.add(path + "sku", "sku " + product.sku() + " appears twice");
                }
                products.add(product);
            }
        }
        validation.require(!rows.isEmpty(), "rows", "the CSV has no rows");
        validation.throwIfInvalid();
        return write(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            for (Product product : products) {
                Product before = dao.product(product.sku()).orElse(null);
                dao.upsertProduct(product);
                Audit.record(handle, actor, before == null ? "IMPORT_CREATE" : "IMPORT_UPDATE", "product",
                        product.sku(), before, product);
            }
            return products;
        });
    }

    private Product validProduct(ProductRequest request, String sku, String prefix, Validation validation,
                                 boolean throwNow) {
        if (request == null) {
            throw ApiException.invalid("body", "a product is required");
        }
        validation.require(sku != null && sku.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}"), prefix + "sku",
                "sku must be 1-64 letters, digits, '.', '_' or '-'");
        requireText(validation, request.name(), prefix + "name", 200);
        requireText(validation, request.family(), prefix + "family", 64);
        requireText(validation, request.unit(), prefix + "unit", 32);
        validation.require(request.kind() != null, prefix + "kind",
                "kind is required: ONE_TIME, SUBSCRIPTION or SERVICE");
        validation.require(request.description() == null || request.description().length() <= MAX_TEXT,
                prefix + "description", "description is at most " + MAX_TEXT + " characters");
        if (throwNow) {
            validation.throwIfInvalid();
        } else if (validation.hasErrors()) {
            return null;
        }
        return new Product(sku, request.name().strip(), request.family().strip(), request.kind(),
                request.unit().strip(), Boolean.TRUE.equals(request.fractional()),
                request.description() == null ? "" : request.description().strip(),
                request.active() == null || request.active());
    }

    private static void requireText(Validation validation, String value, String path, int max) {
        validation.require(value != null && !value.isBlank() && value.length() <= max, path,
                path.substring(path.lastIndexOf('.') + 1) + " is required (at most " + max + " characters)");
    }

    // --- bundles

    public Bundle bundle(String sku) {
        return snapshot().bundle(sku).orElseThrow(() -> ApiException.notFound("bundle", sku));
    }

    public Bundle putBundle(String sku, BundleRequest request, String actor) {
        CatalogSnapshot catalog = snapshot();
        Validation validation = new Validation();
        if (catalog.product(sku).isEmpty()) {
            throw ApiException.notFound("product", sku);
        }
        if (request == null || request.options() == null || request.options().isEmpty()) {
            throw ApiException.invalid("options", "a bundle needs at least one option");
        }
        Set<String> seen = new HashSet<>();
        List<BundleOption> options = new ArrayList<>();
        for (int i = 0; i < request.options().size(); i++) {
            BundleOption option = request.options().get(i);
            String path = "options[" + i + "].";
            if (option == null) {
                validation.add("options[" + i + "]", "an option is required");
                continue;
            }
            validation.require(option.optionSku() != null && catalog.product(option.optionSku()).isPresent(),
                    path + "optionSku", "unknown sku " + option.optionSku());
            validation.require(!sku.equals(option.optionSku()), path + "optionSku", "a bundle cannot contain itself");
            validation.require(option.optionSku() == null || seen.add(option.optionSku()), path + "optionSku",
                    "option " + option.optionSku() + " appears twice");
            BigDecimal min = option.minQuantity() == null ? BigDecimal.ZERO : option.minQuantity();
            BigDecimal def = option.defaultQuantity() == null ? min : option.defaultQuantity();
            validation.require(min.signum() >= 0 && min.compareTo(Values.ABSURD) < 0, path + "minQuantity",
                    "must be 0 or more");
            validation.require(option.maxQuantity() == null || option.maxQuantity().compareTo(min) >= 0,
                    path + "maxQuantity", "must be at least minQuantity");
            validation.require(option.maxQuantity() == null || option.maxQuantity().compareTo(Values.ABSURD) < 0,
                    path + "maxQuantity", "must be below 1,000,000,000,000");
            validation.require(def.compareTo(min) >= 0
                            && (option.maxQuantity() == null || def.compareTo(option.maxQuantity()) <= 0),
                    path + "defaultQuantity", "must lie between minQuantity and maxQuantity");
            validation.require(!option.required() || min.signum() > 0 || def.signum() > 0, path + "minQuantity",
                    "a required option needs a minimum or default quantity above 0");
            options.add(new BundleOption(option.optionSku(), min, option.maxQuantity(), option.required(), def));
        }
        validation.throwIfInvalid();
        Bundle bundle = new Bundle(sku, options);
        return write(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            List<BundleOption> before = dao.bundleOptions(sku);
            Audit.record(handle, actor, "REPLACE", "bundle", sku, before.isEmpty() ? null : before, options);
            dao.insertBundle(sku);
            dao.deleteBundleOptions(sku);
            for (int i = 0; i < options.size(); i++) {
                dao.insertBundleOption(sku, options.get(i), i);
            }
            return bundle;
        });
    }

    // --- configuration rules

    public ConfigurationRule createRule(RuleRequest request, String actor) {
        ConfigurationRule rule = validRule(0, request);
        return write(handle -> {
            long id = handle.attach(CatalogDao.class).insertRule(rule);
            ConfigurationRule created = withId(rule, id);
            Audit.record(handle, actor, "CREATE", "configuration_rule", Long.toString(id), null, created);
            return created;
        });
    }

    public ConfigurationRule updateRule(long id, RuleRequest request, String actor) {
        ConfigurationRule rule = validRule(id, request);
        return write(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            ConfigurationRule before = dao.ruleForUpdate(id)
                    .orElseThrow(() -> ApiException.notFound("configuration rule", id));
            dao.updateRule(rule);
            Audit.record(handle, actor, "UPDATE", "configuration_rule", Long.toString(id), before, rule);
            return rule;
        });
    }

    public void deleteRule(long id, String actor) {
        write(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            ConfigurationRule before = dao.ruleForUpdate(id)
                    .orElseThrow(() -> ApiException.notFound("configuration rule", id));
            dao.deleteRule(id);
            Audit.record(handle, actor, "DELETE", "configuration_rule", Long.toString(id), before, null);
            return null;
        });
    }

    private static ConfigurationRule withId(ConfigurationRule rule, long id) {
        return new ConfigurationRule(id, rule.kind(), rule.subjectSku(), rule.subjectFamily(), rule.targetSku(),
                rule.targetFamily(), rule.minQuantity(), rule.maxQuantity(), rule.message());
    }

    private ConfigurationRule validRule(long id, RuleRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "a configuration rule is required");
        }
        CatalogSnapshot catalog = snapshot();
        Validation validation = new Validation();
        validation.require(request.kind() != null, "kind", "kind is required: REQUIRES, EXCLUDES or QUANTITY_LIMIT");
        validation.require((request.subjectSku() == null) != (request.subjectFamily() == null), "subjectSku",
                "give exactly one of subjectSku and subjectFamily");
        validation.require(request.subjectSku() == null || catalog.product(request.subjectSku()).isPresent(),
                "subjectSku", "unknown sku " + request.subjectSku());
        validation.require(request.targetSku() == null || catalog.product(request.targetSku()).isPresent(),
                "targetSku", "unknown sku " + request.targetSku());
        validation.require(request.targetSku() == null || request.targetFamily() == null, "targetSku",
                "give at most one of targetSku and targetFamily");
        if (request.kind() == RuleKind.REQUIRES || request.kind() == RuleKind.EXCLUDES) {
            validation.require(request.targetSku() != null || request.targetFamily() != null, "targetSku",
                    request.kind() + " needs a targetSku or targetFamily");
        }
        if (request.kind() == RuleKind.QUANTITY_LIMIT) {
            validation.require(request.minQuantity() != null || request.maxQuantity() != null, "maxQuantity",
                    "QUANTITY_LIMIT needs minQuantity or maxQuantity");
        }
        validation.require(request.minQuantity() == null || request.minQuantity().signum() >= 0, "minQuantity",
                "must be 0 or more");
        validation.require(request.maxQuantity() == null || request.minQuantity() == null
                || request.maxQuantity().compareTo(request.minQuantity()) >= 0, "maxQuantity",
                "must be at least minQuantity");
        validation.require(request.message() != null && !request.message().isBlank()
                && request.message().length() <= 500, "message", "a message for the rep is required (at most 500)");
        validation.throwIfInvalid();
        return new ConfigurationRule(id, request.kind(), request.subjectSku(), request.subjectFamily(),
                request.targetSku(), request.targetFamily(), request.minQuantity(), request.maxQuantity(),
                request.message().strip());
    }

    // --- price books

    public PriceBook priceBook(String name) {
        return snapshot().priceBook(name).orElseThrow(() -> ApiException.notFound("price book", name));
    }

    public PriceBook putPriceBook(String name, PriceBookRequest request, String actor) {
        Validation validation = new Validation();
        validation.require(name != null && name.length() <= 100 && !name.isBlank(), "name",
                "a price book name is 1-100 characters");
        validation.require(request == null || request.description() == null
                || request.description().length() <= MAX_TEXT, "description", "at most " + MAX_TEXT + " characters");
        validation.throwIfInvalid();
        PriceBook book = new PriceBook(name, request == null || request.description() == null ? ""
                : request.description(), request == null || request.active() == null || request.active());
        return write(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            PriceBook before = dao.priceBooks().stream().filter(existing -> existing.name().equals(name))
                    .findFirst().orElse(null);
            dao.upsertPriceBook(book);
            Audit.record(handle, actor, "PUT", "price_book", name, before, book);
            return book;
        });
    }

    public List<PriceBookEntry> entries(String priceBook) {
        priceBook(priceBook);
        return jdbi.withExtension(CatalogDao.class, dao -> dao.entries(priceBook));
    }

    /** Creates or replaces price book entries (keyed by sku, currency and start date), all or none. */
    public List<PriceBookEntry> putEntries(String priceBook, List<EntryRequest> requests, String actor) {
        priceBook(priceBook);
        if (requests == null || requests.isEmpty()) {
            throw ApiException.invalid("body", "a JSON array of entries is required");
        }
        Validation validation = new Validation();
        List<PriceBookEntry> entries = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            EntryRequest request = requests.get(i);
            if (request == null) {
                validation.add("[" + i + "]", "an entry is required");
                continue;
            }
            PriceBookEntry entry = validEntry(priceBook, request, "[" + i + "].", validation);
            if (entry != null) {
                entries.add(entry);
            }
        }
        return storeEntries(entries, validation, actor);
    }

    public List<PriceBookEntry> importEntries(String priceBook, String csv, String actor) {
        priceBook(priceBook);
        List<Map<String, String>> rows = Csv.read(csv, Set.of("sku", "currency", "listPrice"),
                Set.of("effectiveFrom", "effectiveTo"));
        Validation validation = new Validation();
        List<PriceBookEntry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String path = "rows[" + i + "].";
            BigDecimal price = Values.decimal(row.get("listPrice"), path + "listPrice", validation);
            LocalDate from = row.get("effectiveFrom") == null ? null
                    : Values.date(row.get("effectiveFrom"), path + "effectiveFrom", validation);
            LocalDate to = row.get("effectiveTo") == null ? null
                    : Values.date(row.get("effectiveTo"), path + "effectiveTo", validation);
            if (price == null) {
                continue;
            }
            PriceBookEntry entry = validEntry(priceBook, new EntryRequest(row.get("sku"), row.get("currency"), price,
                    from, to), path, validation);
            if (entry != null) {
                entries.add(entry);
            }
        }
        validation.require(!rows.isEmpty(), "rows", "the CSV has no rows");
        return storeEntries(entries, validation, actor);
    }

    private List<PriceBookEntry> storeEntries(List<PriceBookEntry> entries, Validation validation, String actor) {
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            PriceBookEntry entry = entries.get(i);
            if (!keys.add(entry.sku() + "/" + entry.currency() + "/" + entry.effectiveFrom())) {
                validation.add("[" + i + "]", "entry for " + entry.sku() + " " + entry.currency() + " from "
                        + entry.effectiveFrom() + " appears twice");
            }
        }
        validation.throwIfInvalid();
        return write(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            List<PriceBookEntry> before = dao.entries(entries.get(0).priceBook());
            entries.forEach(dao::upsertEntry);
            Audit.record(handle, actor, "PUT_ENTRIES", "price_book", entries.get(0).priceBook(), before, entries);
            return entries;
        });
    }

    private PriceBookEntry validEntry(String priceBook, EntryRequest request, String path, Validation validation) {
        CatalogSnapshot catalog = snapshot();
        int before = validation.errors().size();
        validation.require(request.sku() != null && catalog.product(request.sku()).isPresent(), path + "sku",
                "unknown sku " + request.sku());
        validation.require(Money.isKnownCurrency(request.currency()), path + "currency",
                "unknown currency " + request.currency());
        validation.require(request.listPrice() != null, path + "listPrice", "listPrice is required");
        if (request.listPrice() != null) {
            validation.require(request.listPrice().signum() >= 0, path + "listPrice", "must not be negative");
            validation.require(request.listPrice().compareTo(Values.ABSURD) < 0, path + "listPrice",
                    "must be below 1,000,000,000,000");
            validation.require(request.listPrice().stripTrailingZeros().scale() <= 4, path + "listPrice",
                    "at most 4 decimals");
        }
        LocalDate from = request.effectiveFrom() == null ? LocalDate.of(2000, 1, 1) : request.effectiveFrom();
        validation.require(request.effectiveTo() == null || !request.effectiveTo().isBefore(from),
                path + "effectiveTo", "must not be before effectiveFrom");
        if (validation.errors().size() > before) {
            return null;
        }
        return new PriceBookEntry(priceBook, request.sku(), request.currency(), request.listPrice(), from,
                request.effectiveTo());
    }

    /** Demo seeding writes through the same DAO inside one transaction. */
    public void seed(java.util.function.Consumer<Handle> work) {
        write(handle -> {
            work.accept(handle);
            return null;
        });
    }
}
