package dealdesk.catalog;

import dealdesk.common.ApiException;
import dealdesk.common.Audit;
import dealdesk.common.Csv;
import dealdesk.common.Money;
import dealdesk.common.Validation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;

/** Bundles: a product with options, replaced whole; the options must be known products. */
public class BundleService {
    private final CatalogService catalog;

    BundleService(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The body of {@code PUT /bundles/{sku}}. */
    public record BundleRequest(
            @NotEmpty(message = "a bundle needs at least one option")
            @Size(max = 200, message = "at most 200 options")
            List<@NotNull(message = "an option is required") @Valid BundleOption> options) {
    }

    public Bundle bundle(String sku) {
        return catalog.snapshot().bundle(sku).orElseThrow(() -> ApiException.notFound("bundle", sku));
    }

    public Bundle putBundle(String sku, BundleRequest request, String actor) {
        CatalogSnapshot current = catalog.snapshot();
        Validation validation = new Validation();
        if (current.product(sku).isEmpty()) {
            throw ApiException.notFound("product", sku);
        }
        if (request == null) {
            throw ApiException.invalid("options", "a bundle needs at least one option");
        }
        if (!validation.check(request, "") && (request.options() == null || request.options().isEmpty())) {
            validation.throwIfInvalid();
        }
        Set<String> seen = new HashSet<>();
        List<BundleOption> options = new ArrayList<>();
        for (int i = 0; i < request.options().size(); i++) {
            BundleOption option = request.options().get(i);
            String path = "options[" + i + "].";
            if (option == null) {
                continue;
            }
            validation.require(option.optionSku() != null && current.product(option.optionSku()).isPresent(),
                    path + "optionSku", "unknown sku " + option.optionSku());
            validation.require(!sku.equals(option.optionSku()), path + "optionSku", "a bundle cannot contain itself");
            validation.require(option.optionSku() == null || seen.add(option.optionSku()), path + "optionSku",
                    "option " + option.optionSku() + " appears twice");
            BigDecimal min = option.minQuantity() == null ? BigDecimal.ZERO : option.minQuantity();
            BigDecimal def = option.defaultQuantity() == null ? min : option.defaultQuantity();
            validation.require(option.maxQuantity() == null || option.maxQuantity().compareTo(min) >= 0,
                    path + "maxQuantity", "must be at least minQuantity");
            validation.require(def.compareTo(min) >= 0
                            && (option.maxQuantity() == null || def.compareTo(option.maxQuantity()) <= 0),
                    path + "defaultQuantity", "must lie between minQuantity and maxQuantity");
            validation.require(!option.required() || min.signum() > 0 || def.signum() > 0, path + "minQuantity",
                    "a required option needs a minimum or default quantity above 0");
            options.add(new BundleOption(option.optionSku(), min, option.maxQuantity(), option.required(), def));
        }
        validation.throwIfInvalid();
        Bundle bundle = new Bundle(sku, options);
        return catalog.write(handle -> {
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
}
