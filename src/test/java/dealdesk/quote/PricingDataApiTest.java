package dealdesk.quote;

import static dealdesk.testing.TestApp.json;
import static dealdesk.testing.TestApp.status;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * An admin changes the pricing data and the next preview prices by it. Its own
 * application and database: the quote tests never see these changes.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
class PricingDataApiTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();

    @SuppressWarnings("unchecked")
    static Map<String, Object> addTo(String list, Map<String, Object> entry) {
        String admin = TestApp.token(APP, "admin");
        Map<String, Object> data = TestApp.request(APP, "/api/v1/pricing/data", admin).get(Map.class);
        List<Object> entries = new ArrayList<>((List<Object>) data.get(list));
        entries.add(entry);
        Map<String, Object> changed = new LinkedHashMap<>(data);
        changed.put(list, entries);
        return json(TestApp.request(APP, "/api/v1/pricing/data", admin).put(Entity.json(changed)), 200);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> previewLine(String sku, Object quantity) {
        Map<String, Object> priced = json(TestApp.request(APP, "/api/v1/quotes/preview", TestApp.token(APP, "alice"))
                .post(Entity.json(QuoteApiTest.quote(null, null, 12, List.of(Map.of("sku", sku, "quantity", quantity))))), 200);
        return ((List<Map<String, Object>>) priced.get("lines")).get(0);
    }

    static BigDecimal number(Object value) {
        return new BigDecimal(value.toString());
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdminAddsAPromotionAndTheNextPreviewAppliesIt() {
        addTo("promotions", Map.of("code", "API-WEEK", "sku", "PLT-API", "percent", 20, "validFrom", "2026-11-01",
                "validTo", "2026-11-30"));

        Map<String, Object> apiLine = previewLine("PLT-API", 2);

        assertThat((List<Map<String, Object>>) apiLine.get("adjustments")).singleElement()
                .satisfies(a -> assertThat(a).containsEntry("stage", "PROMOTION").containsEntry("rule", "API-WEEK"));
        assertThat(number(apiLine.get("netPrice"))).isEqualByComparingTo("160");
        // a manager reads the data, a rep may not
        assertThat(status(TestApp.request(APP, "/api/v1/pricing/data", TestApp.token(APP, "manager")).get())).isEqualTo(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGraduatedPriceTableWithFlatFeesPricesTheLineToTheCent() {
        // the published graduated example: first 5 units 5.00 each, the next 5 at 4.00, then 3.00; a 10.00 flat fee
        // for the first tier and 5.00 for the second
        Map<String, Object> data = addTo("volumeSchedules", Map.of("name", "Hardware graduated", "sku", "HW-GATEWAY",
                "mode", "SLAB", "currency", "USD", "tiers", List.of(
                        Map.of("upTo", 5, "unitPrice", 5.00, "flatFee", 10.00),
                        Map.of("upTo", 10, "unitPrice", 4.00, "flatFee", 5.00),
                        Map.of("unitPrice", 3.00))));
        assertThat((List<Map<String, Object>>) data.get("volumeSchedules")).last()
                .satisfies(schedule -> assertThat(schedule).containsEntry("mode", "SLAB").containsEntry("currency", "USD"));

        Map<String, Object> line = previewLine("HW-GATEWAY", 12);

        // 5 x 5.00 + 10.00 + 5 x 4.00 + 5.00 + 2 x 3.00 = 66.00, 5.50 a unit
        assertThat(number(line.get("netTotal"))).isEqualByComparingTo("66.00");
        assertThat(number(line.get("netPrice"))).isEqualByComparingTo("5.50");
        assertThat((List<Map<String, Object>>) line.get("adjustments")).singleElement().satisfies(step -> {
            assertThat(step).containsEntry("stage", "VOLUME").containsEntry("kind", "OVERRIDE")
                    .containsEntry("rule", "Hardware graduated");
            assertThat(number(step.get("after"))).isEqualByComparingTo("5.50");
        });
    }

    @Test
    void aBlockPriceChargesTheWholeBlockTheQuantityFallsIn() {
        addTo("volumeSchedules", Map.of("name", "Install blocks", "sku", "SVC-INSTALL", "mode", "BLOCK",
                "currency", "USD", "tiers", List.of(Map.of("upTo", 10, "blockPrice", 5000),
                        Map.of("upTo", 25, "blockPrice", 11000), Map.of("blockPrice", 20000))));

        assertThat(number(previewLine("SVC-INSTALL", 10).get("netTotal"))).isEqualByComparingTo("5000.00");
        assertThat(number(previewLine("SVC-INSTALL", 11).get("netTotal"))).isEqualByComparingTo("11000.00");
        assertThat(number(previewLine("SVC-INSTALL", 3).get("netPrice"))).isEqualByComparingTo("1666.666667");
    }
}
