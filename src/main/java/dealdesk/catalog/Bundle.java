package dealdesk.catalog;

import java.util.List;

/** A product sold with options. */
public record Bundle(String sku, List<BundleOption> options) {
    public Bundle {
        options = List.copyOf(options);
    }
}
