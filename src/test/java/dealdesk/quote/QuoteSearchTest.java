package dealdesk.quote;

import static dealdesk.testing.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.DealdeskConfiguration;
import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** GET /api/v1/quotes: filters, pages, and what each role may see. */
@ExtendWith(DropwizardExtensionsSupport.class)
class QuoteSearchTest {
    static final DropwizardAppExtension<DealdeskConfiguration> APP = TestApp.extension();
    static String alice;
    static String bob;
    static String manager;
    static String finance;

    @BeforeAll
    static void signIn() {
        alice = TestApp.token(APP, "alice");
        bob = TestApp.token(APP, "bob");
        manager = TestApp.token(APP, "manager");
        finance = TestApp.token(APP, "finance");
    }

    static long deal(String token, String account, List<Map<String, Object>> splits) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of(
                "account", Map.of("name", account, "industry", "RETAIL"),
                "expectedCloseDate", "2026-12-15", "stage", "PROPOSAL"));
        if (splits != null) {
            body.put("splits", splits);
        }
        return ((Number) json(TestApp.request(APP, "/api/v1/deals", token).post(Entity.json(body)), 201).get("id"))
                .longValue();
    }

    static long quote(String token, long dealId, String customer, int discount) {
        Map<String, Object> body = Map.of("dealId", dealId,
                "customer", Map.of("name", customer, "segment", "COMMERCIAL", "industry", "RETAIL", "country", "US",
                        "locale", "en-US"),
                "currency", "USD", "priceBook", "Standard USD", "termMonths", 12, "startDate", "2026-11-01",
                "lines", List.of(Map.of("sku", "CRM-PRO", "quantity", 10, "discountPercent", discount)));
        return ((Number) json(TestApp.request(APP, "/api/v1/quotes", token).post(Entity.json(body)), 201).get("id"))
                .longValue();
    }

    static void submit(String token, long quoteId) {
        json(TestApp.request(APP, "/api/v1/quotes/" + quoteId + "/submit", token).post(Entity.json(Map.of())), 200);
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.get("items");
    }

    static Map<String, Object> list(String token, String query, int status) {
        return json(TestApp.request(APP, "/api/v1/quotes?" + query, token).get(), status);
    }

    static List<Object> ids(Map<String, Object> page) {
        return items(page).stream().map(item -> (Object) ((Number) item.get("id")).longValue()).toList();
    }

    @Test
    void eachRoleFindsOnlyTheQuotesItMaySee() {
        String tag = "Zeta" + UUID.randomUUID().toString().substring(0, 8);
        long aliceOwn = quote(alice, deal(alice, tag + " Alone", null), tag + " Alone Inc", 0);
        long shared = quote(alice, deal(alice, tag + " Shared", List.of(Map.of("username", "alice", "percent", 60),
                Map.of("username", "bob", "percent", 40))), tag + " Shared Inc", 0);
        long bobOwn = quote(bob, deal(bob, tag + " Bob", null), tag + " Bob Inc", 0);

        assertThat(ids(list(alice, "q=" + tag, 200))).containsExactlyInAnyOrder(aliceOwn, shared);
        // bob shares the second deal's credit: he sees its quote, never alice's own
        assertThat(ids(list(bob, "q=" + tag, 200))).containsExactlyInAnyOrder(shared, bobOwn);
        assertThat(ids(list(manager, "q=" + tag, 200))).containsExactlyInAnyOrder(aliceOwn, shared, bobOwn);
        assertThat(ids(list(finance, "q=" + tag, 200))).containsExactlyInAnyOrder(aliceOwn, shared, bobOwn);
        assertThat(ids(list(alice, "owner=bob&q=" + tag, 200))).isEmpty();
    }

    @Test
    void anItemCarriesTheQuotesOwnerCustomerStatusVersionAndTotals() {
        String tag = "Eta" + UUID.randomUUID().toString().substring(0, 8);
        long dealId = deal(alice, tag + " Account", null);
        long id = quote(alice, dealId, tag + " Customer", 0);

        Map<String, Object> page = list(alice, "dealId=" + dealId, 200);
        assertThat(page.get("total")).isEqualTo(1);
        Map<String, Object> item = items(page).get(0);
        assertThat(((Number) item.get("id")).longValue()).isEqualTo(id);
        assertThat(item).containsEntry("owner", "alice").containsEntry("customerName", tag + " Customer")
                .containsEntry("accountName", tag + " Account").containsEntry("status", "DRAFT")
                .containsEntry("version", 1).containsEntry("currency", "USD").containsKey("updatedAt");
        // CRM-PRO 10 x 100.00 a month for 12 months
        @SuppressWarnings("unchecked")
        Map<String, Object> totals = (Map<String, Object>) item.get("totals");
        assertThat(new BigDecimal(totals.get("tcv").toString())).isEqualByComparingTo("12000.00");
        assertThat(new BigDecimal(totals.get("mrr").toString())).isEqualByComparingTo("1000.00");
    }

    @Test
    void theSearchMatchesTheAccountOrTheCustomerInAnyCase() {
        String tag = "Theta" + UUID.randomUUID().toString().substring(0, 8);
        long byAccount = quote(alice, deal(alice, tag + " Hospital", null), "Someone Else", 0);
        long byCustomer = quote(alice, deal(alice, "Other Account", null), tag + " Clinic", 0);

        assertThat(ids(list(alice, "q=" + tag.toLowerCase(), 200))).containsExactlyInAnyOrder(byAccount, byCustomer);
        assertThat(ids(list(alice, "q=" + tag + "%20clinic", 200))).containsExactly(byCustomer);
        // % and _ are letters to look for, not wildcards
        assertThat(ids(list(alice, "q=" + tag + "%25", 200))).isEmpty();
    }

    @Test
    void theManagerFindsTheQuotesAwaitingHisDecisionAndTheRepDoesNot() {
        String tag = "Iota" + UUID.randomUUID().toString().substring(0, 8);
        long pending = quote(alice, deal(alice, tag, null), tag + " Inc", 15);   // over 10%: the manager decides
        long draft = quote(alice, deal(alice, tag + " Draft", null), tag + " Draft Inc", 15);
        submit(alice, pending);

        assertThat(ids(list(manager, "awaitingMyApproval=true&q=" + tag, 200))).containsExactly(pending);
        assertThat(ids(list(manager, "status=DRAFT&q=" + tag, 200))).containsExactly(draft);
        assertThat(ids(list(manager, "status=pending_approval&q=" + tag, 200))).containsExactly(pending);
        assertThat(ids(list(alice, "awaitingMyApproval=true&q=" + tag, 200))).isEmpty();
        // a manager approval is the owner's manager's alone, not finance's
        assertThat(ids(list(finance, "awaitingMyApproval=true&q=" + tag, 200))).isEmpty();

        json(TestApp.request(APP, "/api/v1/quotes/" + pending + "/approve", manager)
                .post(Entity.json(Map.of("comment", "fine"))), 200);
        assertThat(ids(list(manager, "awaitingMyApproval=true&q=" + tag, 200))).isEmpty();
    }

    @Test
    void pagesCountEveryMatchAndGiveTheNewestFirst() {
        String tag = "Kappa" + UUID.randomUUID().toString().substring(0, 8);
        long dealId = deal(alice, tag, null);
        long first = quote(alice, dealId, tag + " A", 0);
        long second = quote(alice, dealId, tag + " B", 0);
        long third = quote(alice, dealId, tag + " C", 0);

        Map<String, Object> page = list(alice, "q=" + tag + "&limit=2", 200);
        assertThat(page).containsEntry("total", 3).containsEntry("limit", 2).containsEntry("offset", 0);
        assertThat(ids(page)).containsExactly(third, second);
        assertThat(ids(list(alice, "q=" + tag + "&limit=2&offset=2", 200))).containsExactly(first);
        Map<String, Object> past = list(alice, "q=" + tag + "&limit=2&offset=10", 200);
        assertThat(past).containsEntry("total", 3);
        assertThat(items(past)).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void badFilterValuesAre422sNamingTheField() {
        Map<String, String> bad = Map.of(
                "status=WON", "status",
                "dealId=abc", "dealId",
                "dealId=0", "dealId",
                "limit=0", "limit",
                "limit=201", "limit",
                "offset=-1", "offset",
                "awaitingMyApproval=maybe", "awaitingMyApproval",
                "owner=Not%20A%20User", "owner",
                "q=" + "x".repeat(201), "q");
        bad.forEach((query, field) -> {
            Map<String, Object> error = list(alice, query, 422);
            assertThat(error).as(query).containsEntry("code", "VALIDATION_FAILED");
            assertThat((List<Map<String, Object>>) error.get("details")).as(query)
                    .extracting(detail -> detail.get("path")).containsExactly(field);
        });
        assertThat(TestApp.status(TestApp.request(APP, "/api/v1/quotes", null).get())).isEqualTo(401);
    }
}
