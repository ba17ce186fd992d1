package dealdesk.catalog;

import dealdesk.common.ApiException;
import dealdesk.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogServiceTest {
    private Jdbi jdbi;
    private CatalogService catalog;

    @BeforeEach
    void setUp() {
        jdbi = TestDatabase.freshJdbi();
        catalog = new CatalogService(jdbi, Clock.systemUTC());
        catalog.priceBooks().putPriceBook("Standard USD", new PriceBookService.PriceBookRequest("USD list", true), "admin");
        catalog.products().create(new ProductRequest("CRM-PRO", "Sales Cloud Professional", "CRM",
                ProductKind.SUBSCRIPTION, "user", false, "", true), "admin");
    }

    @Test
    void thePriceOnADateIsTheEntryEffectiveThenAndTheNewestStartWins() {
        catalog.priceBooks().putEntries("Standard USD", List.of(
                new PriceBookService.EntryRequest("CRM-PRO", "USD", new BigDecimal("95"), LocalDate.of(2026, 1, 1),
                        LocalDate.of(2026, 6, 30)),
                new PriceBookService.EntryRequest("CRM-PRO", "USD", new BigDecimal("100"), LocalDate.of(2026, 7, 1),
                        null)), "admin");
        CatalogSnapshot snapshot = catalog.snapshot();
        assertThat(snapshot.price("Standard USD", "CRM-PRO", "USD", LocalDate.of(2026, 6, 30)).orElseThrow()
                .listPrice()).isEqualByComparingTo("95");
        assertThat(snapshot.price("Standard USD", "CRM-PRO", "USD", LocalDate.of(2026, 7, 1)).orElseThrow()
                .listPrice()).isEqualByComparingTo("100");
        assertThat(snapshot.price("Standard USD", "CRM-PRO", "USD", LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(snapshot.price("Standard USD", "CRM-PRO", "EUR", LocalDate.of(2026, 7, 1))).isEmpty();
    }

    @Test
    void aWriteIsVisibleInTheNextSnapshot() {
        long before = catalog.snapshot().version();
        catalog.products().update("CRM-PRO", new ProductRequest(null, "Sales Cloud Pro", "CRM",
                ProductKind.SUBSCRIPTION, "user", false, "renamed", true), "admin");
        assertThat(catalog.snapshot().version()).isGreaterThan(before);
        assertThat(catalog.snapshot().product("CRM-PRO").orElseThrow().name()).isEqualTo("Sales Cloud Pro");
    }

    @Test
    void everyCatalogChangeIsInTheAuditLogWithWhoAndBeforeAndAfter() {
        catalog.products().update("CRM-PRO", new ProductRequest(null, "Sales Cloud Pro", "CRM",
                ProductKind.SUBSCRIPTION, "user", false, "", true), "ada");
        var entry = jdbi.withHandle(h -> h.createQuery("select actor, action, before->>'name', after->>'name'"
                + " from audit_log where entity = 'product' and entity_id = 'CRM-PRO' order by id desc limit 1")
                .map((row, ctx) -> List.of(row.getString(1), row.getString(2), row.getString(3), row.getString(4)))
                .one());
        assertThat(entry).containsExactly("ada", "UPDATE", "Sales Cloud Professional", "Sales Cloud Pro");
    }

    @Test
    void aCsvImportWithOneBadRowStoresNothingAndNamesTheRow() {
        String csv = """
                sku,name,family,kind,unit,fractional
                HW-1,Gateway,HARDWARE,ONE_TIME,device,false
                HW-2,Scanner,HARDWARE,SOMETIMES,device,false
                """;
        assertThatThrownBy(() -> catalog.products().importCsv(csv, "admin")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details()).extracting("path")
                        .containsExactly("rows[1].kind"));
        assertThat(catalog.snapshot().product("HW-1")).isEmpty();
    }

    @Test
    void aCsvImportOfPriceEntriesStoresEveryRow() {
        catalog.priceBooks().importEntries("Standard USD", """
                sku,currency,listPrice,effectiveFrom
                CRM-PRO,USD,100,2026-01-01
                CRM-PRO,EUR,92,2026-01-01
                """, "admin");
        assertThat(catalog.priceBooks().entries("Standard USD")).hasSize(2);
    }

    @Test
    void priceEntriesForUnknownSkusOrCurrenciesOrNegativePricesAreRejectedTogether() {
        assertThatThrownBy(() -> catalog.priceBooks().putEntries("Standard USD", List.of(
                new PriceBookService.EntryRequest("NOPE", "USD", new BigDecimal("1"), null, null),
                new PriceBookService.EntryRequest("CRM-PRO", "XXY", new BigDecimal("1"), null, null),
                new PriceBookService.EntryRequest("CRM-PRO", "USD", new BigDecimal("-1"), null, null)), "admin"))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details()).extracting("path")
                        .containsExactly("[0].sku", "[1].currency", "[2].listPrice"));
        assertThat(catalog.priceBooks().entries("Standard USD")).isEmpty();
    }

    @Test
    void aBundleOptionMustBeAKnownSkuWithConsistentQuantities() {
        assertThatThrownBy(() -> catalog.bundles().putBundle("CRM-PRO", new BundleService.BundleRequest(List.of(
                new BundleOption("NOPE", BigDecimal.ONE, null, true, BigDecimal.ONE))), "admin"))
                .isInstanceOf(ApiException.class).hasMessageContaining("unknown sku NOPE");
    }

    @Test
    void aCsvImportBindsRowsLikeJsonTranslationsIncludedAndChecksThemTheSameWay() {
        List<Product> imported = catalog.products().importCsv("""
                sku,name,family,kind,unit,translations.tr.name,translations.tr.unit,translations.ja.name
                HW-1,Gateway,HARDWARE,ONE_TIME,device,Ağ Geçidi,cihaz,ゲートウェイ
                HW-2,Scanner,HARDWARE,ONE_TIME,device,,,
                """, "admin");

        assertThat(imported).extracting(Product::sku).containsExactly("HW-1", "HW-2");
        Product gateway = catalog.snapshot().product("HW-1").orElseThrow();
        assertThat(gateway.textIn("tr-TR")).isEqualTo(new ProductText("Ağ Geçidi", "", "cihaz"));
        assertThat(gateway.textIn("ja").name()).isEqualTo("ゲートウェイ");
        assertThat(gateway.textIn("hu").name()).isEqualTo("Gateway");
        assertThat(catalog.snapshot().product("HW-2").orElseThrow().translations()).isEmpty();

        String tooLong = "x".repeat(201);
        assertThatThrownBy(() -> catalog.products().importCsv("sku,name,family,kind,unit,translations.tr.name\n"
                + "HW-3,Hub,HARDWARE,ONE_TIME,device," + tooLong + "\n", "admin"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.details())
                        .extracting(detail -> detail.path() + ": " + detail.message())
                        .containsExactly("rows[0].translations[tr].name: at most 200 characters"));
        assertThat(catalog.snapshot().product("HW-3")).isEmpty();
    }
}
