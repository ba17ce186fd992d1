package dealdesk.catalog;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.statement.GetGeneratedKeys;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.List;
import java.util.Optional;

public interface CatalogDao {

    String PRODUCT = "select sku, name, family, kind, unit, fractional, description, active from products";

    @SqlQuery(PRODUCT + " order by family, sku")
    @RegisterConstructorMapper(Product.class)
    List<Product> products();

    @SqlQuery(PRODUCT + " where sku = :sku")
    @RegisterConstructorMapper(Product.class)
    Optional<Product> product(@Bind("sku") String sku);

    @SqlUpdate("""
            insert into products (sku, name, family, kind, unit, fractional, description, active)
            values (:sku, :name, :family, :kind, :unit, :fractional, :description, :active)
            on conflict (sku) do update set name = excluded.name, family = excluded.family, kind = excluded.kind,
              unit = excluded.unit, fractional = excluded.fractional, description = excluded.description,
              active = excluded.active, updated_at = now()""")
    void upsertProduct(@BindMethods Product product);

    /** A product's text in one language. */
    record Translation(String sku, String language, String name, String description, String unit) {
    }

    @SqlQuery("select sku, language, name, description, unit from product_translations order by sku, language")
    @RegisterConstructorMapper(Translation.class)
    List<Translation> translations();

    @SqlQuery("select sku, language, name, description, unit from product_translations where sku = :sku "
            + "order by language")
    @RegisterConstructorMapper(Translation.class)
    List<Translation> translations(@Bind("sku") String sku);

    @SqlUpdate("delete from product_translations where sku = :sku")
    void deleteTranslations(@Bind("sku") String sku);

    @SqlUpdate("insert into product_translations (sku, language, name, description, unit) "
            + "values (:sku, :language, :text.name, :text.description, :text.unit)")
    void insertTranslation(@Bind("sku") String sku, @Bind("language") String language,
                           @BindMethods("text") ProductText text);

    @SqlQuery("select sku from bundles order by sku")
    List<String> bundleSkus();

    @SqlQuery("""
            select option_sku, min_quantity, max_quantity, required, default_quantity
            from bundle_options where bundle_sku = :sku order by position, option_sku""")
    @RegisterConstructorMapper(BundleOption.class)
    List<BundleOption> bundleOptions(@Bind("sku") String sku);

    @SqlUpdate("insert into bundles (sku) values (:sku) on conflict do nothing")
    void insertBundle(@Bind("sku") String sku);

    @SqlUpdate("delete from bundle_options where bundle_sku = :sku")
    void deleteBundleOptions(@Bind("sku") String sku);

    @SqlUpdate("""
            insert into bundle_options (bundle_sku, option_sku, min_quantity, max_quantity, required,
              default_quantity, position)
            values (:bundle, :optionSku, :minQuantity, :maxQuantity, :required, :defaultQuantity, :position)""")
    void insertBundleOption(@Bind("bundle") String bundle, @BindMethods BundleOption option,
                            @Bind("position") int position);

    @SqlQuery("""
            select id, kind, subject_sku, subject_family, target_sku, target_family, min_quantity, max_quantity,
              message from configuration_rules order by id""")
    @RegisterConstructorMapper(ConfigurationRule.class)
    List<ConfigurationRule> rules();

    @SqlUpdate("""
            insert into configuration_rules (kind, subject_sku, subject_family, target_sku, target_family,
              min_quantity, max_quantity, message)
            values (:kind, :subjectSku, :subjectFamily, :targetSku, :targetFamily, :minQuantity, :maxQuantity,
              :message)""")
    @GetGeneratedKeys("id")
    long insertRule(@BindMethods ConfigurationRule rule);

    @SqlUpdate("""
            update configuration_rules set kind = :kind, subject_sku = :subjectSku,
              subject_family = :subjectFamily, target_sku = :targetSku, target_family = :targetFamily,
              min_quantity = :minQuantity, max_quantity = :maxQuantity, message = :message
            where id = :id""")
    int updateRule(@BindMethods ConfigurationRule rule);

    @SqlQuery("""
            select id, kind, subject_sku, subject_family, target_sku, target_family, min_quantity, max_quantity,
              message from configuration_rules where id = :id for update""")
    @RegisterConstructorMapper(ConfigurationRule.class)
    Optional<ConfigurationRule> ruleForUpdate(@Bind("id") long id);

    @SqlUpdate("delete from configuration_rules where id = :id")
    int deleteRule(@Bind("id") long id);

    @SqlQuery("select name, description, active from price_books order by name")
    @RegisterConstructorMapper(PriceBook.class)
    List<PriceBook> priceBooks();

    @SqlUpdate("""
            insert into price_books (name, description, active) values (:name, :description, :active)
            on conflict (name) do update set description = excluded.description, active = excluded.active""")
    void upsertPriceBook(@BindMethods PriceBook book);

    @SqlQuery("""
            select price_book, sku, currency, list_price, effective_from, effective_to
            from price_book_entries order by price_book, sku, currency, effective_from""")
    @RegisterConstructorMapper(PriceBookEntry.class)
    List<PriceBookEntry> entries();

    @SqlQuery("""
            select price_book, sku, currency, list_price, effective_from, effective_to
            from price_book_entries where price_book = :book order by sku, currency, effective_from""")
    @RegisterConstructorMapper(PriceBookEntry.class)
    List<PriceBookEntry> entries(@Bind("book") String book);

    @SqlUpdate("""
            insert into price_book_entries (price_book, sku, currency, list_price, effective_from, effective_to)
            values (:priceBook, :sku, :currency, :listPrice, :effectiveFrom, :effectiveTo)
            on conflict (price_book, sku, currency, effective_from)
            do update set list_price = excluded.list_price, effective_to = excluded.effective_to""")
    void upsertEntry(@BindMethods PriceBookEntry entry);

    @SqlUpdate("update catalog_version set version = version + 1")
    void bumpVersion();

    @SqlQuery("select version from catalog_version")
    long version();
}
