package dealdesk.catalog;

import dealdesk.testing.TestDatabase;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatalogDaoTest {
    private Jdbi jdbi;

    @BeforeEach
    void setUp() {
        jdbi = TestDatabase.freshJdbi();
    }

    private static Product gateway(String name) {
        return new Product("HW-GATEWAY", name, "HARDWARE", ProductKind.ONE_TIME, "device", false, "", true);
    }

    @Test
    void upsertingAProductTwiceKeepsOneRowWithTheLatestValues() {
        jdbi.useExtension(CatalogDao.class, dao -> {
            dao.upsertProduct(gateway("Edge Gateway"));
            dao.upsertProduct(gateway("Edge Gateway G2"));
            assertThat(dao.products()).extracting(Product::name).containsExactly("Edge Gateway G2");
            assertThat(dao.product("HW-GATEWAY")).map(Product::kind).contains(ProductKind.ONE_TIME);
            assertThat(dao.product("NOPE")).isEmpty();
        });
    }

    @Test
    void bundleOptionsComeBackInTheirPositionOrder() {
        jdbi.useExtension(CatalogDao.class, dao -> {
            dao.upsertProduct(gateway("Edge Gateway"));
            dao.upsertProduct(new Product("BDL", "Kit", "BUNDLES", ProductKind.ONE_TIME, "kit", false, "", true));
            dao.upsertProduct(new Product("SVC", "Install", "SERVICES", ProductKind.SERVICE, "day", true, "", true));
            dao.insertBundle("BDL");
            dao.insertBundleOption("BDL", new BundleOption("SVC", BigDecimal.ONE, null, true, BigDecimal.ONE), 1);
            dao.insertBundleOption("BDL", new BundleOption("HW-GATEWAY", BigDecimal.ONE, BigDecimal.ONE, true,
                    BigDecimal.ONE), 0);
            assertThat(dao.bundleOptions("BDL")).extracting(BundleOption::optionSku)
                    .containsExactly("HW-GATEWAY", "SVC");
        });
    }

    @Test
    void theDatabaseRefusesAPriceEntryThatEndsBeforeItStartsOrANegativePrice() {
        jdbi.useExtension(CatalogDao.class, dao -> {
            dao.upsertProduct(gateway("Edge Gateway"));
            dao.upsertPriceBook(new PriceBook("Standard USD", "", true));
            assertThatThrownBy(() -> dao.upsertEntry(new PriceBookEntry("Standard USD", "HW-GATEWAY", "USD",
                    new BigDecimal("1200"), LocalDate.of(2026, 5, 1), LocalDate.of(2026, 4, 1))))
                    .isInstanceOf(UnableToExecuteStatementException.class);
            assertThatThrownBy(() -> dao.upsertEntry(new PriceBookEntry("Standard USD", "HW-GATEWAY", "USD",
                    new BigDecimal("-1"), LocalDate.of(2026, 1, 1), null)))
                    .isInstanceOf(UnableToExecuteStatementException.class);
            dao.upsertEntry(new PriceBookEntry("Standard USD", "HW-GATEWAY", "USD", new BigDecimal("1200.50"),
                    LocalDate.of(2026, 1, 1), null));
            assertThat(dao.entries("Standard USD")).singleElement()
                    .satisfies(entry -> assertThat(entry.listPrice()).isEqualByComparingTo("1200.50"));
        });
    }

    @Test
    void everyWriteCanBumpTheCatalogVersion() {
        long before = jdbi.withExtension(CatalogDao.class, CatalogDao::version);
        jdbi.useExtension(CatalogDao.class, CatalogDao::bumpVersion);
        assertThat(jdbi.withExtension(CatalogDao.class, CatalogDao::version)).isEqualTo(before + 1);
        assertThat(jdbi.withExtension(CatalogDao.class, CatalogDao::rules)).isEqualTo(List.of());
    }
}
