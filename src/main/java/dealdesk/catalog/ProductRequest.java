package dealdesk.catalog;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * The body of {@code POST /products} and {@code PUT /products/{sku}}, and one row
 * of a products CSV (columns of the same names; {@code translations.tr.name}
 * and the like for translations). The sku may be left out of a PUT body.
 */
public record ProductRequest(
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "sku must be 1-64 letters, digits, '.', '_' or '-'")
        String sku,
        @NotBlank(message = "name is required (at most 200 characters)")
        @Size(max = 200, message = "name is required (at most 200 characters)")
        String name,
        @NotBlank(message = "family is required (at most 64 characters)")
        @Size(max = 64, message = "family is required (at most 64 characters)")
        String family,
        @NotNull(message = "kind is required: ONE_TIME, SUBSCRIPTION or SERVICE")
        ProductKind kind,
        @NotBlank(message = "unit is required (at most 32 characters)")
        @Size(max = 32, message = "unit is required (at most 32 characters)")
        String unit,
        Boolean fractional,
        @Size(max = 2000, message = "description is at most 2000 characters")
        String description,
        Boolean active,
        @Size(max = 50, message = "at most 50 languages")
        Map<@Pattern(regexp = "[a-z]{2,3}", message = "a language code like tr, ja or fa") String, @Valid @NotNull ProductText>
        translations) {

    /** A request without translations. */
    public ProductRequest(String sku, String name, String family, ProductKind kind, String unit, Boolean fractional,
                          String description, Boolean active) {
        this(sku, name, family, kind, unit, fractional, description, active, null);
    }
}
