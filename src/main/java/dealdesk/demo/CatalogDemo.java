package dealdesk.demo;

import dealdesk.catalog.BundleOption;
import dealdesk.catalog.CatalogDao;
import dealdesk.catalog.ConfigurationRule;
import dealdesk.catalog.PriceBook;
import dealdesk.catalog.PriceBookEntry;
import dealdesk.catalog.Product;
import dealdesk.catalog.ProductKind;
import dealdesk.catalog.RuleKind;
import org.jdbi.v3.core.Handle;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;

import static dealdesk.catalog.ProductKind.ONE_TIME;
import static dealdesk.catalog.ProductKind.SERVICE;
import static dealdesk.catalog.ProductKind.SUBSCRIPTION;

/** A demo catalog of a company selling a sales cloud, analytics, hardware for stores, and services. */
final class CatalogDemo {
    static final String USD_BOOK = "Standard USD";
    static final String EUR_BOOK = "Standard EUR";
    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final BigDecimal EUR_PER_USD = new BigDecimal("0.92");

    private CatalogDemo() {
    }

    private record Item(String sku, String name, String family, ProductKind kind, String unit, boolean fractional,
                        String usd, String description) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item("CRM-STD", "Sales Cloud Standard", "CRM", SUBSCRIPTION, "user", false, "50",
                    "Accounts, contacts, opportunities and forecasting for growing teams."),
            new Item("CRM-PRO", "Sales Cloud Professional", "CRM", SUBSCRIPTION, "user", false, "100",
                    "Adds territories, approvals and CPQ integration."),
            new Item("CRM-ENT", "Sales Cloud Enterprise", "CRM", SUBSCRIPTION, "user", false, "175",
                    "Adds sandboxes, advanced security and unlimited customisation."),
            new Item("AN-DASH", "Analytics Dashboards", "ANALYTICS", SUBSCRIPTION, "user", false, "30",
                    "Live dashboards on pipeline, bookings and activity."),
            new Item("AN-AI", "Forecast AI", "ANALYTICS", SUBSCRIPTION, "user", false, "40",
                    "Machine-learned deal scoring and forecast."),
            new Item("AN-WH", "Data Warehouse Connector", "ANALYTICS", SUBSCRIPTION, "instance", false, "500",
                    "Nightly sync to Snowflake, BigQuery or Redshift."),
            new Item("SUP-PREM", "Premier Support", "SUPPORT", SUBSCRIPTION, "user", false, "25",
                    "24x7 support with a one-hour response for severity one."),
            new Item("SUP-TAM", "Technical Account Manager", "SUPPORT", SUBSCRIPTION, "manager", false, "2500",
                    "A named engineer who knows your org."),
            new Item("PLT-API", "API Capacity Pack", "PLATFORM", SUBSCRIPTION, "pack", false, "200",
                    "One million extra API calls a month."),
            new Item("PLT-SANDBOX", "Full Sandbox", "PLATFORM", SUBSCRIPTION, "sandbox", false, "750",
                    "A full copy of production for testing."),
            new Item("PLT-SSO", "Single Sign-On", "PLATFORM", SUBSCRIPTION, "user", false, "5",
                    "SAML and OIDC sign-on with SCIM provisioning."),
            new Item("PLT-STORAGE", "Extra Storage 100 GB", "PLATFORM", SUBSCRIPTION, "block", false, "125",
                    "Another 100 GB of file and data storage."),
            new Item("HW-GATEWAY", "Edge Gateway G2", "HARDWARE", ONE_TIME, "device", false, "1200",
                    "Store gateway with LTE fail-over."),
            new Item("HW-SCANNER", "Barcode Scanner S5", "HARDWARE", ONE_TIME, "device", false, "350",
                    "Cordless 2D scanner with cradle."),
            new Item("HW-KIOSK", "Check-in Kiosk", "HARDWARE", ONE_TIME, "device", false, "2900",
                    "Freestanding 22-inch touch kiosk."),
            new Item("HW-TABLET", "Rugged Tablet T10", "HARDWARE", ONE_TIME, "device", false, "890",
                    "10-inch tablet for the shop floor."),
            new Item("HW-ROUTER", "LTE Router R1", "HARDWARE", ONE_TIME, "device", false, "450",
                    "Back-up connectivity for a store."),
            new Item("SVC-ONBOARD", "Guided Onboarding", "SERVICES", SERVICE, "hour", true, "180",
                    "Remote onboarding with a certified consultant."),
            new Item("SVC-MIGRATE", "Data Migration", "SERVICES", SERVICE, "day", true, "1400",
                    "Migration of accounts, contacts and history."),
            new Item("SVC-TRAIN", "Admin Training", "SERVICES", SERVICE, "day", true, "1100",
                    "Hands-on training for administrators."),
            new Item("SVC-CONSULT", "Solution Consulting", "SERVICES", SERVICE, "hour", true, "220",
                    "Design and configuration by a solution architect."),
            new Item("SVC-INSTALL", "On-site Installation", "SERVICES", SERVICE, "day", true, "950",
                    "Installation of store hardware by a field engineer."),
            new Item("LEG-CLASSIC", "Classic CRM", "LEGACY", SUBSCRIPTION, "user", false, "40",
                    "The previous generation CRM, sold to existing customers only."),
            new Item("LEG-ONPREM", "On-premises Connector", "LEGACY", SUBSCRIPTION, "server", false, "300",
                    "Connector for on-premises ERP, being retired."),
            new Item("ADD-CPQ", "CPQ Add-on", "ADDONS", SUBSCRIPTION, "user", false, "75",
                    "Configure, price, quote inside the Sales Cloud."),
            new Item("ADD-SIGN", "E-Signature Add-on", "ADDONS", SUBSCRIPTION, "user", false, "15",
                    "Send and sign proposals and contracts."),
            new Item("ADD-INCENT", "Incentive Compensation Add-on", "ADDONS", SUBSCRIPTION, "user", false, "45",
                    "Commission statements and dashboards for reps."),
            new Item("BDL-STARTER", "Sales Starter Bundle", "BUNDLES", SUBSCRIPTION, "user", false, "0",
                    "Sales Cloud Standard with onboarding and optional support."),
            new Item("BDL-RETAIL", "Retail Store Kit", "BUNDLES", ONE_TIME, "store", false, "0",
                    "Everything a store needs: gateway, scanners, tablets and installation."));

    static void seed(Handle handle) {
        CatalogDao dao = handle.attach(CatalogDao.class);
        dao.upsertPriceBook(new PriceBook(USD_BOOK, "List prices in US dollars", true));
        dao.upsertPriceBook(new PriceBook(EUR_BOOK, "List prices in euros", true));
        for (Item item : ITEMS) {
            dao.upsertProduct(new Product(item.sku(), item.name(), item.family(), item.kind(), item.unit(),
                    item.fractional(), item.description(), true));
            BigDecimal usd = new BigDecimal(item.usd());
            BigDecimal eur = usd.multiply(EUR_PER_USD).setScale(0, RoundingMode.HALF_UP);
            if (item.sku().equals("CRM-PRO")) {
                // A mid-year price rise shows effective dating: 95 until June, 100 from July.
                dao.upsertEntry(new PriceBookEntry(USD_BOOK, item.sku(), "USD", new BigDecimal("95"), FROM,
                        LocalDate.of(2026, 6, 30)));
                dao.upsertEntry(new PriceBookEntry(USD_BOOK, item.sku(), "USD", usd, LocalDate.of(2026, 7, 1), null));
            } else {
                dao.upsertEntry(new PriceBookEntry(USD_BOOK, item.sku(), "USD", usd, FROM, null));
            }
            dao.upsertEntry(new PriceBookEntry(EUR_BOOK, item.sku(), "EUR", eur, FROM, null));
        }
        dao.insertBundle("BDL-STARTER");
        List<BundleOption> starter = List.of(
                option("CRM-STD", "5", null, true, "10"),
                option("SVC-ONBOARD", "10", "80", true, "20"),
                option("SUP-PREM", "0", null, false, "0"));
        for (int i = 0; i < starter.size(); i++) {
            dao.insertBundleOption("BDL-STARTER", starter.get(i), i);
        }
        dao.insertBundle("BDL-RETAIL");
        List<BundleOption> retail = List.of(
                option("HW-GATEWAY", "1", "1", true, "1"),
                option("HW-SCANNER", "0", "20", false, "4"),
                option("HW-TABLET", "0", "10", false, "2"),
                option("SVC-INSTALL", "1", "5", true, "1"));
        for (int i = 0; i < retail.size(); i++) {
            dao.insertBundleOption("BDL-RETAIL", retail.get(i), i);
        }
        rule(dao, RuleKind.REQUIRES, "AN-AI", null, null, "CRM", null, null,
                "Forecast AI needs a Sales Cloud edition on the same quote.");
        rule(dao, RuleKind.REQUIRES, "PLT-SSO", null, null, "CRM", null, null,
                "Single Sign-On is sold with a Sales Cloud edition.");
        rule(dao, RuleKind.REQUIRES, "HW-GATEWAY", null, "SVC-INSTALL", null, null, null,
                "Edge Gateways are installed on site: add On-site Installation.");
        rule(dao, RuleKind.EXCLUDES, "CRM-STD", null, "CRM-ENT", null, null, null,
                "Choose one Sales Cloud edition: Standard and Enterprise cannot be combined.");
        rule(dao, RuleKind.EXCLUDES, "CRM-STD", null, "CRM-PRO", null, null, null,
                "Choose one Sales Cloud edition: Standard and Professional cannot be combined.");
        rule(dao, RuleKind.EXCLUDES, "LEG-CLASSIC", null, null, "CRM", null, null,
                "Classic CRM cannot be sold with the new Sales Cloud.");
        rule(dao, RuleKind.QUANTITY_LIMIT, "SUP-TAM", null, null, null, null, new BigDecimal("1"),
                "At most one Technical Account Manager per quote.");
        rule(dao, RuleKind.QUANTITY_LIMIT, "PLT-SANDBOX", null, null, null, null, new BigDecimal("5"),
                "At most five Full Sandboxes per quote.");
    }

    private static BundleOption option(String sku, String min, String max, boolean required, String def) {
        return new BundleOption(sku, new BigDecimal(min), max == null ? null : new BigDecimal(max), required,
                new BigDecimal(def));
    }

    private static void rule(CatalogDao dao, RuleKind kind, String subjectSku, String subjectFamily,
                             String targetSku, String targetFamily, BigDecimal min, BigDecimal max, String message) {
        dao.insertRule(new ConfigurationRule(0, kind, subjectSku, subjectFamily, targetSku, targetFamily, min, max,
                message));
    }
}
