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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A rep closing her own deal won: the customer must have accepted the quote, and the commission
 * waits as pending (never earned or payable) until her manager or finance confirms it.
 */
@ExtendWith(DropwizardExtensionsSupport.class)
@SuppressWarnings("unchecked")
class OwnBookingTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();

    @BeforeAll
    static void setUp() {
        team(APP, "rita", "sam", "otto");
        repWithPlan(APP, "rosa");
    }

    /** Reps {@code rep} and {@code other} under "manager", a manager {@code otherManager} with no team; rep on a 10% plan. */
    static void team(DropwizardAppExtension<DealdeskConfiguration> app, String rep, String other, String otherManager) {
        String admin = TestApp.token(app, "admin");
        repWithPlan(app, rep);
        json(request(app, "/api/v1/users", admin).post(Entity.json(Map.of("username", other, "name", other,
                "role", "REP", "password", "demo", "manager", "manager"))), 201);
        json(request(app, "/api/v1/users", admin).post(Entity.json(Map.of("username", otherManager,
                "name", otherManager, "role", "MANAGER", "password", "demo"))), 201);
    }

    /** A rep under "manager" on a plan paying 10% of ACV, with a 2026-Q4 quota. */
    static void repWithPlan(DropwizardAppExtension<DealdeskConfiguration> app, String rep) {
        String admin = TestApp.token(app, "admin");
        String finance = TestApp.token(app, "finance");
        json(request(app, "/api/v1/users", admin).post(Entity.json(Map.of("username", rep, "name", rep,
                "role", "REP", "password", "demo", "manager", "manager"))), 201);
        json(request(app, "/api/v1/plans/own-" + rep, finance).put(Entity.entity("""
                id: own-%s
                effectiveFrom: 2026-01-01
                period: QUARTER
                currency: USD
                creditBasis: ACV
                baseRate: 0.10
                clawback: { windowDays: 90 }
                """.formatted(rep), MediaType.valueOf("application/yaml"))), 200);
        json(request(app, "/api/v1/plans/own-" + rep + "/assignments/" + rep, finance)
                .put(Entity.json(Map.of("from", "2026-01-01"))), 200);
        json(request(app, "/api/v1/quotas/" + rep + "/2026-Q4", finance).put(Entity.json(Map.of("amount", 500000))), 200);
    }

    @Test
    void aRepsOwnCloseNeedsTheCustomersAcceptanceAndPaysOnlyOnceHerManagerConfirms() {
        String rita = TestApp.token(APP, "rita");
        long[] ids = presentedDeal(APP, rita, "Own Close");
        long dealId = ids[0];
        long quoteId = ids[1];

        // presented, not accepted: refused, nothing changed
        Map<String, Object> refused = json(request(APP, "/api/v1/deals/" + dealId + "/close-won", rita)
                .post(Entity.json(Map.of("closeDate", "2026-11-20"))), 422);
        assertThat(paths(refused)).containsExactly("primaryQuoteId");
        assertThat(refused.get("message").toString()).contains("PRESENTED");
        assertThat(json(request(APP, "/api/v1/deals/" + dealId, rita).get(), 200).get("stage")).isEqualTo("PROPOSAL");
        assertThat(json(request(APP, "/api/v1/quotes/" + quoteId, rita).get(), 200).get("status")).isEqualTo("PRESENTED");

        json(request(APP, "/api/v1/quotes/" + quoteId + "/accept", rita).post(Entity.json(Map.of())), 200);
        Map<String, Object> won = json(request(APP, "/api/v1/deals/" + dealId + "/close-won", rita)
                .post(Entity.json(Map.of("closeDate", "2026-11-20"))), 200);
        assertThat(won.get("stage")).isEqualTo("CLOSED_WON");

        // pending: on her list with what it would pay, not on her statement or in the payout
        Map<String, Object> pending = awaiting(APP, rita).stream()
                .filter(item -> ((Number) item.get("dealId")).longValue() == dealId).findFirst().orElseThrow();
        assertThat(pending.get("owner")).isEqualTo("rita");
        assertThat(pending.get("closedBy")).isEqualTo("rita");
        assertThat(pending.get("canConfirm")).isEqualTo(false);
        // 10% of the quote's ACV of 16,300 (a year of 20 CRM-STD seats, 2 gateways and 2 installs)
        assertThat(new BigDecimal(pending.get("pendingCommission").toString())).isEqualByComparingTo("1630.00");
        Map<String, Object> statement = json(request(APP, "/api/v1/statements/rita/2026-Q4", rita).get(), 200);
        assertThat((List<?>) statement.get("lines")).isEmpty();
        assertThat(new BigDecimal(((Map<String, Object>) statement.get("totals")).get("payable").toString()))
                .isEqualByComparingTo("0");
        String finance = TestApp.token(APP, "finance");
        assertThat(payoutLine(finance, "rita")).doesNotContain("1630");

        // only her manager or finance: 403 for her, another rep and another team's manager
        for (String user : List.of("rita", "sam", "otto")) {
            assertThat(TestApp.status(request(APP, "/api/v1/deals/" + dealId + "/confirm-booking", TestApp.token(APP, user))
                    .post(Entity.json(Map.of())))).as(user).isEqualTo(403);
        }
        String manager = TestApp.token(APP, "manager");
        assertThat(awaiting(APP, manager)).anySatisfy(item -> {
            assertThat(((Number) item.get("dealId")).longValue()).isEqualTo(dealId);
            assertThat(item.get("canConfirm")).isEqualTo(true);
        });
        assertThat(awaiting(APP, TestApp.token(APP, "otto"))).isEmpty();
        assertThat(awaiting(APP, TestApp.token(APP, "sam"))).isEmpty();

        json(request(APP, "/api/v1/deals/" + dealId + "/confirm-booking", manager).post(Entity.json(Map.of())), 200);
        Map<String, Object> twice = json(request(APP, "/api/v1/deals/" + dealId + "/confirm-booking", manager)
                .post(Entity.json(Map.of())), 409);
        assertThat(twice.get("message").toString()).contains("confirmed by manager");

        Map<String, Object> earned = json(request(APP, "/api/v1/statements/rita/2026-Q4", rita).get(), 200);
        assertThat(new BigDecimal(((Map<String, Object>) earned.get("totals")).get("earned").toString()))
                .isEqualByComparingTo("1630.00");
        assertThat(awaiting(APP, rita)).noneSatisfy(item ->
                assertThat(((Number) item.get("dealId")).longValue()).isEqualTo(dealId));
        assertThat(payoutLine(finance, "rita")).contains("1630.00");

        // the audit log says who confirmed, and the booking before and after
        List<Map<String, Object>> audit = request(APP, "/api/v1/audit?entity=booking_confirmation&entityId=" + dealId,
                finance).get(new GenericType<List<Map<String, Object>>>() { });
        Map<String, Object> confirmed = audit.stream().filter(entry -> entry.get("action").equals("CONFIRM_BOOKING"))
                .findFirst().orElseThrow();
        assertThat(confirmed.get("actor")).isEqualTo("manager");
        assertThat(((Map<String, Object>) confirmed.get("before")).get("status")).isEqualTo("PENDING");
        assertThat(((Map<String, Object>) confirmed.get("after"))).containsEntry("status", "CONFIRMED")
                .containsEntry("confirmedBy", "manager");
        assertThat(audit).anySatisfy(entry -> assertThat(entry).containsEntry("action", "HOLD_BOOKING")
                .containsEntry("actor", "rita"));
    }

    @Test
    void financeMayConfirmAndACancelledPendingBookingLeavesTheList() {
        String rita = TestApp.token(APP, "rosa");
        String finance = TestApp.token(APP, "finance");
        long confirmed = acceptedAndClosedByRep(APP, rita, "Finance Confirms");
        long cancelled = acceptedAndClosedByRep(APP, rita, "Backs Out");

        json(request(APP, "/api/v1/deals/" + confirmed + "/confirm-booking", finance).post(Entity.json(Map.of())), 200);
        json(request(APP, "/api/v1/deals/" + cancelled + "/cancel", rita).post(Entity.json(Map.of())), 200);

        assertThat(awaiting(APP, finance)).extracting(item -> ((Number) item.get("dealId")).longValue())
                .doesNotContain(confirmed, cancelled);
        assertThat(json(request(APP, "/api/v1/deals/" + cancelled + "/confirm-booking", finance)
                .post(Entity.json(Map.of())), 409).get("code")).isEqualTo("INVALID_STATE");
    }

    @Test
    void aDealClosedByTheManagerIsBookedAtOnceWithNothingToConfirm() {
        String rita = TestApp.token(APP, "rosa");
        String manager = TestApp.token(APP, "manager");
        long dealId = presentedDeal(APP, rita, "Manager Closes")[0];

        json(request(APP, "/api/v1/deals/" + dealId + "/close-won", manager)
                .post(Entity.json(Map.of("closeDate", "2026-11-20"))), 200);

        assertThat(awaiting(APP, manager)).noneSatisfy(item ->
                assertThat(((Number) item.get("dealId")).longValue()).isEqualTo(dealId));
        Map<String, Object> error = json(request(APP, "/api/v1/deals/" + dealId + "/confirm-booking", manager)
                .post(Entity.json(Map.of())), 409);
        assertThat(error.get("code")).isEqualTo("INVALID_STATE");
        Map<String, Object> statement = json(request(APP, "/api/v1/statements/rosa/2026-Q4", rita).get(), 200);
        assertThat((List<Map<String, Object>>) statement.get("lines")).anySatisfy(line ->
                assertThat(line.get("transactionId").toString()).startsWith("deal-" + dealId + "-"));
    }

    /** A deal of the rep's with a submitted (approved: no discount) and presented quote: {dealId, quoteId}. */
    static long[] presentedDeal(DropwizardAppExtension<DealdeskConfiguration> app, String token, String account) {
        String name = account + " " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> deal = json(request(app, "/api/v1/deals", token).post(Entity.json(Map.of(
                "account", Map.of("name", name, "industry", "RETAIL"),
                "expectedCloseDate", "2026-12-10", "stage", "PROPOSAL"))), 201);
        long dealId = ((Number) deal.get("id")).longValue();
        long quoteId = ((Number) json(request(app, "/api/v1/quotes", token).post(Entity.json(quote(dealId, name))), 201)
                .get("id")).longValue();
        json(request(app, "/api/v1/quotes/" + quoteId + "/submit", token).post(Entity.json(Map.of())), 200);
        json(request(app, "/api/v1/quotes/" + quoteId + "/present", token).post(Entity.json(Map.of())), 200);
        return new long[] {dealId, quoteId};
    }

    /** A deal the rep closed won herself after the customer accepted: pending confirmation. */
    static long acceptedAndClosedByRep(DropwizardAppExtension<DealdeskConfiguration> app, String token, String account) {
        long[] ids = presentedDeal(app, token, account);
        json(request(app, "/api/v1/quotes/" + ids[1] + "/accept", token).post(Entity.json(Map.of())), 200);
        json(request(app, "/api/v1/deals/" + ids[0] + "/close-won", token)
                .post(Entity.json(Map.of("closeDate", "2026-11-20"))), 200);
        return ids[0];
    }

    static List<Map<String, Object>> awaiting(DropwizardAppExtension<DealdeskConfiguration> app, String token) {
        try (Response response = request(app, "/api/v1/bookings/awaiting-confirmation", token).get()) {
            assertThat(response.getStatus()).isEqualTo(200);
            return response.readEntity(new GenericType<List<Map<String, Object>>>() { });
        }
    }

    private static String payoutLine(String finance, String username) {
        try (Response response = request(APP, "/api/v1/payouts/2026-Q4", finance).accept("text/csv").get()) {
            String csv = response.readEntity(String.class);
            assertThat(response.getStatus()).as(csv).isEqualTo(200);
            return csv.lines().filter(line -> line.startsWith(username + ",")).findFirst().orElse("");
        }
    }

    static List<Object> paths(Map<String, Object> error) {
        return ((List<Map<String, Object>>) error.get("details")).stream().map(detail -> detail.get("path")).toList();
    }

    private static Map<String, Object> quote(long dealId, String customer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("dealId", dealId);
        body.put("customer", Map.of("name", customer, "segment", "COMMERCIAL", "industry", "RETAIL",
                "country", "US", "locale", "en-US"));
        body.put("currency", "USD");
        body.put("priceBook", "Standard USD");
        body.put("termMonths", 12);
        body.put("startDate", "2026-11-01");
        body.put("lines", List.of(Map.of("sku", "CRM-STD", "quantity", 20, "discountPercent", 0),
                Map.of("sku", "HW-GATEWAY", "quantity", 2, "discountPercent", 0),
                Map.of("sku", "SVC-INSTALL", "quantity", 2, "discountPercent", 0)));
        return body;
    }
}
