package dealdesk.common;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dealdesk.testing.TestApp.json;
import static dealdesk.testing.TestApp.request;
import static dealdesk.testing.TestApp.status;
import static org.assertj.core.api.Assertions.assertThat;

/** Every audited change records who, when (the application's clock) and the entity before and after. */
@ExtendWith(DropwizardExtensionsSupport.class)
@SuppressWarnings("unchecked")
class AuditLogTest {
    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final DropwizardAppExtension<DealdeskConfiguration> APP =
            TestApp.extension(Clock.fixed(NOW, ZoneOffset.UTC));
    static final GenericType<List<Map<String, Object>>> LIST = new GenericType<>() { };
    static String admin;
    static String finance;

    @BeforeAll
    static void signIn() {
        admin = TestApp.token(APP, "admin");
        finance = TestApp.token(APP, "finance");
    }

    @Test
    void aConfigurationRuleChangeAndDeleteRecordTheRuleBeforeAtTheApplicationsClock() {
        String rule = "{\"kind\":\"REQUIRES\",\"subjectSku\":\"ADD-CPQ\",\"targetFamily\":\"CRM\","
                + "\"message\":\"CPQ needs a Sales Cloud edition.\"}";
        Number id = (Number) json(request(APP, "/api/v1/configuration-rules", admin)
                .post(Entity.entity(rule, MediaType.APPLICATION_JSON)), 201).get("id");
        json(request(APP, "/api/v1/configuration-rules/" + id, admin).put(Entity.entity(
                rule.replace("CPQ needs", "The CPQ add-on needs"), MediaType.APPLICATION_JSON)), 200);
        assertThat(status(request(APP, "/api/v1/configuration-rules/" + id, admin).delete())).isEqualTo(204);

        List<Map<String, Object>> entries = request(APP,
                "/api/v1/audit?entity=configuration_rule&entityId=" + id, finance).get(LIST);

        assertThat(entries).extracting(entry -> entry.get("action")).containsExactly("DELETE", "UPDATE", "CREATE");
        assertThat(entries).allSatisfy(entry -> assertThat(Instant.parse((String) entry.get("at"))).isEqualTo(NOW));
        Map<String, Object> deleted = entries.get(0);
        assertThat((Map<String, Object>) deleted.get("before"))
                .containsEntry("message", "The CPQ add-on needs a Sales Cloud edition.");
        assertThat(deleted.get("after")).isNull();
        Map<String, Object> updated = entries.get(1);
        assertThat((Map<String, Object>) updated.get("before")).containsEntry("message", "CPQ needs a Sales Cloud edition.");
        assertThat((Map<String, Object>) updated.get("after"))
                .containsEntry("message", "The CPQ add-on needs a Sales Cloud edition.");
        assertThat(entries.get(2).get("before")).isNull();
    }

    @Test
    void aPriceBookReplacedRecordsItsDescriptionBefore() {
        json(request(APP, "/api/v1/price-books/AUDIT-BOOK", admin).put(Entity.entity(
                "{\"description\":\"first\"}", MediaType.APPLICATION_JSON)), 200);
        json(request(APP, "/api/v1/price-books/AUDIT-BOOK", admin).put(Entity.entity(
                "{\"description\":\"second\"}", MediaType.APPLICATION_JSON)), 200);

        List<Map<String, Object>> entries = request(APP, "/api/v1/audit?entity=price_book&entityId=AUDIT-BOOK",
                finance).get(LIST);

        assertThat(entries).hasSize(2);
        assertThat((Map<String, Object>) entries.get(0).get("before")).containsEntry("description", "first");
        assertThat((Map<String, Object>) entries.get(0).get("after")).containsEntry("description", "second");
        assertThat(entries.get(1).get("before")).isNull();
    }
}
