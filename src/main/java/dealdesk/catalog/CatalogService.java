package dealdesk.catalog;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dealdesk.common.ApiException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;

/**
 * The catalog: reads come from an in-memory {@link CatalogSnapshot}; writes go
 * through one service per aggregate (products, bundles, configuration rules,
 * price books), each in one transaction that bumps the catalog version. This
 * instance sees its own writes at once; another instance's within a second
 * (the version is checked at most once a second).
 */
public class CatalogService {
    private static final Duration RECHECK = Duration.ofSeconds(1);

    private final Jdbi jdbi;
    private final LoadingCache<Boolean, Long> newestVersion;
    private final ProductService products;
    private final BundleService bundles;
    private final ConfigurationRuleService rules;
    private final PriceBookService priceBooks;
    private volatile CatalogSnapshot snapshot;

    public CatalogService(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.newestVersion = Caffeine.newBuilder().expireAfterWrite(RECHECK)
                .build(key -> jdbi.withExtension(CatalogDao.class, CatalogDao::version));
        this.products = new ProductService(this);
        this.bundles = new BundleService(this);
        this.rules = new ConfigurationRuleService(this);
        this.priceBooks = new PriceBookService(this, jdbi);
    }

    public ProductService products() {
        return products;
    }

    public BundleService bundles() {
        return bundles;
    }

    public ConfigurationRuleService rules() {
        return rules;
    }

    public PriceBookService priceBooks() {
        return priceBooks;
    }

    /** The current catalog; reloaded when this instance or another one changed it. */
    public CatalogSnapshot snapshot() {
        CatalogSnapshot current = snapshot;
        long version = newestVersion.get(Boolean.TRUE);
        if (current != null && current.version() == version) {
            return current;
        }
        return reload();
    }

    public Product product(String sku) {
        return snapshot().product(sku).orElseThrow(() -> ApiException.notFound("product", sku));
    }

    private synchronized CatalogSnapshot reload() {
        CatalogSnapshot loaded = jdbi.inTransaction(handle -> {
            CatalogDao dao = handle.attach(CatalogDao.class);
            List<Bundle> bundleList = new ArrayList<>();
            for (String sku : dao.bundleSkus()) {
                bundleList.add(new Bundle(sku, dao.bundleOptions(sku)));
            }
            return new CatalogSnapshot(dao.version(), ProductService.withTranslations(dao), bundleList, dao.rules(),
                    dao.priceBooks(), dao.entries());
        });
        snapshot = loaded;
        return loaded;
    }

    /** Runs a change in one transaction that bumps the catalog version; the next read sees it. */
    <T> T write(HandleCallback<T, RuntimeException> work) {
        T result = jdbi.inTransaction(handle -> {
            T value = work.withHandle(handle);
            handle.attach(CatalogDao.class).bumpVersion();
            return value;
        });
        snapshot = null;
        newestVersion.invalidateAll();
        return result;
    }

    /** Demo seeding writes through the same DAO inside one transaction. */
    public void seed(Consumer<Handle> work) {
        write(handle -> {
            work.accept(handle);
            return null;
        });
    }
}
