package dealdesk.catalog;

import dealdesk.common.ApiException;
import dealdesk.common.Audit;
import dealdesk.common.Csv;
import dealdesk.common.Money;
import dealdesk.common.Validation;
import dealdesk.common.constraints.InRange;
import dealdesk.common.constraints.KnownCurrency;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** Price books and their entries (sku, currency, list price, effective from and to). */
public class PriceBookService {
    private static final int MAX_TEXT = 2000;

    private final CatalogService catalog;
    private final Jdbi jdbi;

    PriceBookService(CatalogService catalog, Jdbi jdbi) {
        this.catalog = catalog;
        this.jdbi = jdbi;
    }

    /** The body of {@code PUT /price-books/{name}}. */
    public record PriceBookRequest(
            @Size(max = MAX_TEXT, message = "at most " + MAX_TEXT + " characters")
            String description,
            Boolean active) {
    }

    /**
     * One entry of {@code POST /price-books/{name}/entries}: an element of the JSON array or a CSV row
     * with the same columns, bound to this record and checked by its constraints either way; the
     * catalog (is the sku sold?) and the dates' order are checked by the service.
     */
    public record EntryRequest(
            @NotNull(message = "a sku is required")
            String sku,
            @NotNull(message = "a currency is required")
            @KnownCurrency
            String currency,
            @NotNull(message = "listPrice is required")
            @InRange(max = InRange.TRILLION, scale = 4)
            BigDecimal listPrice,
            LocalDate effectiveFrom,
            LocalDate effectiveTo) {
    }

    public PriceBook priceBook(String name) {
        return catalog.snapshot().priceBook(name).orElseThrow(() -> ApiException.notFound("price book", name));
    }

    public PriceBook putPriceBook(String name, PriceBookRequest request, String actor) {
        Validation validation = new Validation();
        validation.require(name != null && name.length() <= 100 && !name.isBlank(), "name",
                "a price book name is 1-100 characters");
        validation.check(request, "");
        validation.throwIfInvalid();
        PriceBook book = new PriceBook(name, request == null || request.description() == null ? ""
                : request.description(), request == null || request.active() == null || request.active());
        return catalog.write(handle -> {
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
        Csv.Rows<EntryRequest> rows = Csv.bind(csv, EntryRequest.class, Set.of("sku", "currency", "listPrice"));
        Validation validation = new Validation();
        validation.addAll(rows.problems());
        List<PriceBookEntry> entries = new ArrayList<>();
        for (int i = 0; i < rows.rows().size(); i++) {
            PriceBookEntry entry = validEntry(priceBook, rows.rows().get(i), "rows[" + i + "].", validation);
            if (entry != null) {
                entries.add(entry);
            }
        }
        validation.require(!rows.rows().isEmpty(), "rows", "the CSV has no rows");
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
        return catalog.write(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            List<PriceBookEntry> before = dao.entries(entries.get(0).priceBook());
            entries.forEach(dao::upsertEntry);
            Audit.record(handle, actor, "PUT_ENTRIES", "price_book", entries.get(0).priceBook(), before, entries);
            return entries;
        });
    }

    private PriceBookEntry validEntry(String priceBook, EntryRequest request, String path, Validation validation) {
        CatalogSnapshot current = catalog.snapshot();
        int before = validation.errors().size();
        validation.check(request, path.substring(0, path.length() - 1));
        validation.require(request.sku() == null || current.product(request.sku()).isPresent(), path + "sku",
                "unknown sku " + request.sku());
        LocalDate from = request.effectiveFrom() == null ? LocalDate.of(2000, 1, 1) : request.effectiveFrom();
        validation.require(request.effectiveTo() == null || !request.effectiveTo().isBefore(from),
                path + "effectiveTo", "must not be before effectiveFrom");
        if (validation.errors().size() > before) {
            return null;
        }
        return new PriceBookEntry(priceBook, request.sku(), request.currency(), request.listPrice(), from,
                request.effectiveTo());
    }
}
