package dealdesk.catalog;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jdbi.v3.core.mapper.reflect.JdbiConstructor;

/**
 * A sellable item. Subscription prices are per unit per month; {@code fractional}
 * says whether a quantity may have decimals (hours of a service may, seats may not).
 * {@code translations} holds the name, description and unit per language
 * ({@code tr}, {@code ja}, ...), for proposals in the customer's language.
 */
public record Product(String sku, String name, String family, ProductKind kind, String unit,
                      boolean fractional, String description, boolean active, Map<String, ProductText> translations) {

    public Product {
        translations = translations == null ? Map.of() : Map.copyOf(new TreeMap<>(translations));
    }

    /** A product without translations (as the products table stores it). */
    @JdbiConstructor
    public Product(String sku, String name, String family, ProductKind kind, String unit, boolean fractional,
                   String description, boolean active) {
        this(sku, name, family, kind, unit, fractional, description, active, Map.of());
    }

    public Product withTranslations(Map<String, ProductText> newTranslations) {
        return new Product(sku, name, family, kind, unit, fractional, description, active, newTranslations);
    }

    /**
     * The text for a language tag ({@code tr-TR} reads the {@code tr} translation): each of name,
     * description and unit from the translation where it has one, else the default.
     */
    public ProductText textIn(String languageTag) {
        ProductText translated = languageTag == null ? null
                : translations.get(Locale.forLanguageTag(languageTag).getLanguage());
        if (translated == null) {
            return new ProductText(name, description, unit);
        }
        return new ProductText(translated.name() != null ? translated.name() : name,
                translated.description() != null ? translated.description() : description,
                translated.unit() != null ? translated.unit() : unit);
    }
}
