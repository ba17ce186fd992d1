package dealdesk.commission;

import static dealdesk.testing.TestApp.json;
import static dealdesk.testing.TestApp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Commission's audit entries say what the entity was before the change as well as after. */
@ExtendWith(DropwizardExtensionsSupport.class)
@SuppressWarnings("unchecked")
class CommissionAuditTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();

    @Test
    void aChangedQuotaIsLoggedWithTheAmountBeforeAndAfter() {
        String finance = TestApp.token(APP, "finance");
        json(request(APP, "/api/v1/quotas/alice/2027-Q2", finance).put(Entity.json(Map.of("amount", 100000))), 200);
        json(request(APP, "/api/v1/quotas/alice/2027-Q2", finance).put(Entity.json(Map.of("amount", 120000))), 200);

        List<Map<String, Object>> entries = audit(finance, "commission_quota", "alice:2027-Q2");

        assertThat(entries).hasSize(2);
        Map<String, Object> latest = entries.stream()
                .filter(entry -> ((Map<String, Object>) entry.get("after")).get("amount").toString().equals("120000"))
                .findFirst().orElseThrow();
        assertThat(((Map<String, Object>) latest.get("before")).get("amount").toString()).isEqualTo("100000");
        assertThat(entries).anySatisfy(first -> {
            assertThat(first.get("before")).isNull();
            assertThat(((Map<String, Object>) first.get("after")).get("amount").toString()).isEqualTo("100000");
        });
    }

    @Test
    void importingTheSameBookingAgainLogsWhatItReplaced() {
        String finance = TestApp.token(APP, "finance");
        Map<String, Object> booking = Map.of("id", "audit-1", "dealId", "crm-audit", "closeDate", "2026-11-02",
                "amount", 1000, "currency", "USD", "splits", List.of(Map.of("username", "alice", "percent", 100)));
        json(request(APP, "/api/v1/transactions", finance).post(Entity.json(List.of(booking))), 200);
        json(request(APP, "/api/v1/transactions", finance).post(Entity.json(List.of(booking))), 200);

        List<Map<String, Object>> entries = audit(finance, "commission_transactions", "IMPORT").stream()
                .filter(entry -> entry.get("after").toString().contains("audit-1")).toList();

        assertThat(entries).hasSize(2).anySatisfy(replaced ->
                assertThat(((Map<String, Object>) replaced.get("before")).get("ids")).isEqualTo(List.of("audit-1")));
    }

    private static List<Map<String, Object>> audit(String token, String entity, String entityId) {
        return request(APP, "/api/v1/audit?entity=" + entity + "&entityId=" + entityId, token)
                .get(new GenericType<List<Map<String, Object>>>() { });
    }
}
