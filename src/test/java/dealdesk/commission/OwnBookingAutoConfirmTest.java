package dealdesk.commission;

import static dealdesk.commission.OwnBookingTest.awaiting;
import static dealdesk.commission.OwnBookingTest.paths;
import static dealdesk.commission.OwnBookingTest.presentedDeal;
import static dealdesk.commission.OwnBookingTest.team;
import static dealdesk.testing.TestApp.json;
import static dealdesk.testing.TestApp.request;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** With {@code commission.autoConfirmOwnBookings}, a rep's own close books at once (acceptance still needed). */
@ExtendWith(DropwizardExtensionsSupport.class)
@SuppressWarnings("unchecked")
class OwnBookingAutoConfirmTest {
    static final DropwizardAppExtension<DealdeskConfiguration> AUTO = TestApp.extension(
            ConfigOverride.config("commission.autoConfirmOwnBookings", "true"));

    @Test
    void aRepsOwnCloseIsBookedAtOnceAndTheAuditLogSaysTheSystemConfirmed() {
        team(AUTO, "ana", "ben", "oli");
        String ana = TestApp.token(AUTO, "ana");
        long[] ids = presentedDeal(AUTO, ana, "Auto Confirm");
        assertThat(paths(json(request(AUTO, "/api/v1/deals/" + ids[0] + "/close-won", ana)
                .post(Entity.json(Map.of("closeDate", "2026-11-20"))), 422))).containsExactly("primaryQuoteId");
        json(request(AUTO, "/api/v1/quotes/" + ids[1] + "/accept", ana).post(Entity.json(Map.of())), 200);

        json(request(AUTO, "/api/v1/deals/" + ids[0] + "/close-won", ana)
                .post(Entity.json(Map.of("closeDate", "2026-11-20"))), 200);

        assertThat(awaiting(AUTO, ana)).isEmpty();
        Map<String, Object> statement = json(request(AUTO, "/api/v1/statements/ana/2026-Q4", ana).get(), 200);
        assertThat(new BigDecimal(((Map<String, Object>) statement.get("totals")).get("earned").toString()))
                .isEqualByComparingTo("1630.00");
        List<Map<String, Object>> audit = request(AUTO, "/api/v1/audit?entity=booking_confirmation&entityId="
                + ids[0], TestApp.token(AUTO, "finance")).get(new GenericType<List<Map<String, Object>>>() { });
        assertThat(audit).singleElement().satisfies(entry -> {
            assertThat(entry.get("action")).isEqualTo("CONFIRM_BOOKING");
            assertThat(entry.get("actor").toString()).contains("autoConfirmOwnBookings");
            assertThat((Map<String, Object>) entry.get("after")).containsEntry("closedBy", "ana");
        });
    }
}
