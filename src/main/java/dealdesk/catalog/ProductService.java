package dealdesk.catalog;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dealdesk.common.ApiException;
import dealdesk.common.Audit;
import dealdesk.common.ErrorCode;
import dealdesk.common.FieldError;
import dealdesk.common.Json;
import dealdesk.common.Validation;
import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Products: create, change, import a CSV (all rows or none). JSON bodies and
 * CSV rows bind to the same {@link ProductRequest} and pass the same
 * constraints; every change is audited with before and after.
 */
public class ProductService {
    private static final CsvMapper CSV = new CsvMapper();
    private static final ObjectMapper JSON = Json.configure(new ObjectMapper());
    private static final Validator VALIDATOR = Validators.newValidator();
    private static final Set<String> REQUIRED_COLUMNS = Set.of("sku", "name", "family", "kind", "unit");
    private static final List<String> COLUMNS = List.of("sku", "name", "family", "kind", "unit", "fractional",
            "description", "active");

    private final CatalogService catalog;

    ProductService(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The products of the database with their translations, for a snapshot. */
    static List<Product> withTranslations(CatalogDao dao) {
        Map<String, Map<String, ProductText>> bySku = new HashMap<>();
        for (CatalogDao.Translation row : dao.translations()) {
            bySku.computeIfAbsent(row.sku(), sku -> new LinkedHashMap<>())
                    .put(row.language(), new ProductText(row.name(), row.description(), row.unit()));
        }
        return dao.products().stream()
                .map(product -> product.withTranslations(bySku.getOrDefault(product.sku(), Map.of())))
                .toList();
    }

    public Product create(ProductRequest request, String actor) {
        if (request.sku() == null) {
            throw ApiException.invalid("sku", "sku must be 1-64 letters, digits, '.', '_' or '-'");
        }
        Product product = toProduct(request.sku(), request);
        return catalog.write(handle -> {
            // One creator per sku at a time: a parallel create waits, then sees the product and gets 409.
            handle.execute("select pg_advisory_xact_lock(hashtext(?))", "product:" + product.sku());
            CatalogDao dao = handle.attach(CatalogDao.class);
            if (dao.product(product.sku()).isPresent()) {
                throw new ApiException(ErrorCode.CONFLICT, "product " + product.sku() + " exists",
                        List.of(new FieldError("sku", "already exists; PUT /api/v1/products/" + product.sku()
                                + " to change it")));
            }
            store(dao, product);
            Audit.record(handle, actor, "CREATE", "product", product.sku(), null, product);
            return product;
        });
    }

    public Product update(String sku, ProductRequest request, String actor) {
        if (request.sku() != null && !request.sku().equals(sku)) {
            throw ApiException.invalid("sku", "the sku in the body must match the path or be left out");
        }
        Product product = toProduct(sku, request);
        return catalog.write(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            Product before = stored(dao, sku);
            store(dao, product);
            Audit.record(handle, actor, "UPDATE", "product", sku, before, product);
            return product;
        });
    }

    /**
     * Creates or replaces every product of a CSV whose header names the request's fields
     * ({@code translations.tr.name} for a translation); one bad row and nothing is stored.
     */
    public List<Product> importCsv(String csv, String actor) {
        List<Map<String, String>> rows = rows(csv);
        Validation validation = new Validation();
        validation.require(!rows.isEmpty(), "rows", "the CSV has no rows");
        List<Product> products = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            String path = "rows[" + i + "]";
            ProductRequest request = bind(rows.get(i), path, validation);
            if (request == null) {
                continue;
            }
            List<FieldError> errors = violations(request, path);
            if (request.sku() == null) {
                errors = new ArrayList<>(errors);
                errors.add(new FieldError(path + ".sku", "sku must be 1-64 letters, digits, '.', '_' or '-'"));
            }
            if (!errors.isEmpty()) {
                errors.forEach(error -> validation.add(error.path(), error.message()));
                continue;
            }
            if (!seen.add(request.sku())) {
                validation.add(path + ".sku", "sku " + request.sku() + " appears twice");
            }
            products.add(toProduct(request.sku(), request));
        }
        validation.throwIfInvalid();
        return catalog.write(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            for (Product product : products) {
                Product before = dao.product(product.sku()).isPresent() ? stored(dao, product.sku()) : null;
                store(dao, product);
                Audit.record(handle, actor, before == null ? "IMPORT_CREATE" : "IMPORT_UPDATE", "product",
                        product.sku(), before, product);
            }
            return products;
        });
    }

    private static List<Map<String, String>> rows(String csv) {
        if (csv == null || csv.isBlank()) {
            throw ApiException.invalid("rows", "the CSV has no rows");
        }
        try (MappingIterator<Map<String, String>> iterator = CSV.readerFor(Map.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnReordering(true)).readValues(csv)) {
            List<Map<String, String>> rows = iterator.readAll();
            Set<String> header = rows.isEmpty() ? Set.of() : rows.get(0).keySet();
            for (String column : REQUIRED_COLUMNS) {
                if (!rows.isEmpty() && !header.contains(column)) {
                    throw ApiException.invalid("header", "the CSV needs a " + column + " column");
                }
            }
            for (String column : header) {
                if (!COLUMNS.contains(column) && !column.matches("translations\\.[a-z]{2,3}\\.(name|description|unit)")) {
                    throw ApiException.invalid("header", "unknown column " + column + "; the columns are " + COLUMNS
                            + " and translations.<language>.name, .description or .unit");
                }
            }
            return rows;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.invalid("rows", "not a CSV with a header row: " + e.getMessage());
        }
    }

    /** One CSV row as the JSON a client would send: empty cells left out, dotted columns nested. */
    private static ProductRequest bind(Map<String, String> row, String path, Validation validation) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Map.Entry<String, String> cell : row.entrySet()) {
            if (cell.getValue() == null || cell.getValue().isEmpty()) {
                continue;
            }
            String[] parts = cell.getKey().strip().split("\\.");
            ObjectNode parent = node;
            for (int i = 0; i < parts.length - 1; i++) {
                parent = parent.has(parts[i]) && parent.get(parts[i]).isObject()
                        ? (ObjectNode) parent.get(parts[i]) : parent.putObject(parts[i]);
            }
            parent.put(parts[parts.length - 1], cell.getValue());
        }
        try {
            return JSON.treeToValue(node, ProductRequest.class);
        } catch (JsonMappingException e) {
            String field = e.getPath().stream().map(reference -> reference.getFieldName())
                    .filter(name -> name != null).reduce((a, b) -> a + "." + b).orElse("");
            validation.add(field.isEmpty() ? path : path + "." + field, e.getOriginalMessage().split("\n")[0]);
            return null;
        } catch (IOException e) {
            validation.add(path, "unreadable row");
            return null;
        }
    }

    private static List<FieldError> violations(ProductRequest request, String path) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<ProductRequest> violation : VALIDATOR.validate(request)) {
            errors.add(new FieldError(path + "." + violation.getPropertyPath(), violation.getMessage()));
        }
        errors.sort(java.util.Comparator.comparing(FieldError::path));
        return errors;
    }

    private static Product toProduct(String sku, ProductRequest request) {
        return new Product(sku, request.name().strip(), request.family().strip(), request.kind(),
                request.unit().strip(), Boolean.TRUE.equals(request.fractional()),
                request.description() == null ? "" : request.description().strip(),
                request.active() == null || request.active(), request.translations());
    }

    private static Product stored(CatalogDao dao, String sku) {
        Product product = dao.product(sku).orElseThrow(() -> ApiException.notFound("product", sku));
        Map<String, ProductText> translations = new LinkedHashMap<>();
        for (CatalogDao.Translation row : dao.translations(sku)) {
            translations.put(row.language(), new ProductText(row.name(), row.description(), row.unit()));
        }
        return product.withTranslations(translations);
    }

    private static void store(CatalogDao dao, Product product) {
        dao.upsertProduct(product);
        dao.deleteTranslations(product.sku());
        product.translations().forEach((language, text) -> dao.insertTranslation(product.sku(), language, text));
    }
}
