package dealdesk.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.catalog.Bundle;
import dealdesk.catalog.BundleOption;
import dealdesk.catalog.CatalogSnapshot;
import dealdesk.catalog.ConfigurationRule;
import dealdesk.catalog.Product;
import dealdesk.catalog.ProductKind;
import dealdesk.catalog.RuleKind;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationCheckerTest {
    static final CatalogSnapshot CATALOG = new CatalogSnapshot(1,
            Arrays.asList(product("CRM-STD", "CRM"), product("CRM-PRO", "CRM"), product("AN-AI", "ANALYTICS"),
                    product("SUP-PREM", "SUPPORT"), product("SUP-TAM", "SUPPORT"), product("BDL-RETAIL", "BUNDLES"),
                    product("HW-GATEWAY", "HARDWARE"), product("HW-SCANNER", "HARDWARE"), product("SVC-INSTALL", "SERVICES")),
            List.of(new Bundle("BDL-RETAIL", List.of(
                    new BundleOption("HW-GATEWAY", BigDecimal.ONE, BigDecimal.ONE, true, BigDecimal.ONE),
                    new BundleOption("HW-SCANNER", BigDecimal.ZERO, new BigDecimal("20"), false, new BigDecimal("4")),
                    new BundleOption("SVC-INSTALL", BigDecimal.ONE, new BigDecimal("5"), true, BigDecimal.ONE)))),
            List.of(rule(RuleKind.REQUIRES, "AN-AI", null, null, "CRM", null, null, "Forecast AI needs a Sales Cloud edition."),
                    rule(RuleKind.EXCLUDES, "CRM-STD", null, "CRM-PRO", null, null, null, "Choose one edition."),
                    rule(RuleKind.QUANTITY_LIMIT, "SUP-TAM", null, null, null, null, "1", "At most one TAM."),
                    rule(RuleKind.QUANTITY_LIMIT, "SUP-PREM", null, null, "CRM", null, "1", null)),
            List.of(), List.of());

    static Product product(String sku, String family) {
        return new Product(sku, sku, family, ProductKind.SUBSCRIPTION, "unit", false, "", true);
    }

    static ConfigurationRule rule(RuleKind kind, String subjectSku, String subjectFamily, String targetSku, String targetFamily,
                                  String min, String max, String message) {
        return new ConfigurationRule(0, kind, subjectSku, subjectFamily, targetSku, targetFamily,
                min == null ? null : new BigDecimal(min), max == null ? null : new BigDecimal(max), message);
    }

    static QuoteLineRequest line(String sku, String quantity) {
        return new QuoteLineRequest(sku, new BigDecimal(quantity), BigDecimal.ZERO);
    }

    static List<QuoteError> check(QuoteLineRequest... lines) {
        return ConfigurationChecker.check(List.of(lines), CATALOG);
    }

    @Test
    void aValidQuoteHasNoErrors() {
        assertThat(check(line("CRM-PRO", "10"), line("AN-AI", "10"), line("SUP-PREM", "10"), line("SUP-TAM", "1"))).isEmpty();
    }

    @Test
    void aMissingRequirementPointsAtTheLineThatNeedsIt() {
        assertThat(check(line("SUP-TAM", "1"), line("AN-AI", "5")))
                .containsExactly(new QuoteError("CONFIGURATION_REQUIRES", "Forecast AI needs a Sales Cloud edition.", "lines[1]"));
    }

    @Test
    void excludedProductsOnOneQuote() {
        assertThat(check(line("CRM-PRO", "5"), line("CRM-STD", "5")))
                .containsExactly(new QuoteError("CONFIGURATION_EXCLUDES", "Choose one edition.", "lines[1]"));
    }

    @Test
    void quantityLimitsAbsoluteAndRelativeToTheTarget() {
        assertThat(check(line("CRM-PRO", "10"), line("SUP-TAM", "1"), line("SUP-TAM", "1"), line("SUP-PREM", "11")))
                .extracting(QuoteError::path, QuoteError::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("lines[1].quantity", "At most one TAM."),
                        org.assertj.core.groups.Tuple.tuple("lines[3].quantity", "SUP-PREM quantity 11 is outside its limits"));
    }

    @Test
    void bundleOptionsAreRequiredAndLimitedPerBundleUnit() {
        // a kit for 2 stores takes exactly 2 gateways, up to 40 scanners, 2 to 10 installations
        assertThat(check(line("BDL-RETAIL", "2"), line("HW-GATEWAY", "2"), line("HW-SCANNER", "40"), line("SVC-INSTALL", "2")))
                .isEmpty();
        assertThat(check(line("BDL-RETAIL", "2"), line("HW-GATEWAY", "3"), line("HW-SCANNER", "41")))
                .extracting(QuoteError::code, QuoteError::path)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BUNDLE_OPTION_QUANTITY", "lines[1].quantity"),
                        org.assertj.core.groups.Tuple.tuple("BUNDLE_OPTION_QUANTITY", "lines[2].quantity"),
                        org.assertj.core.groups.Tuple.tuple("BUNDLE_OPTION_REQUIRED", "lines[0]"));
    }
}
