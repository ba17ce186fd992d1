package dealdesk;

import dealdesk.testing.TestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.core.GenericType;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static dealdesk.testing.TestApp.status;
import static dealdesk.testing.TestApp.request;
import static org.assertj.core.api.Assertions.assertThat;

/** The service end to end in demo mode: sign-in, roles, the catalog, and the error model on every endpoint. */
@ExtendWith(DropwizardExtensionsSupport.class)
@SuppressWarnings("unchecked")
class FoundationAppTest {
    /** Now, frozen: the sign-in throttle's waits do not run out while a slow machine runs the test. */
    static final DropwizardAppExtension<DealdeskConfiguration> APP =
            TestApp.extension(java.time.Clock.fixed(java.time.Instant.now(), java.time.ZoneOffset.UTC));
    static final GenericType<Map<String, Object>> MAP = new GenericType<>() { };
    static final GenericType<List<Map<String, Object>>> LIST = new GenericType<>() { };
    static String admin;
    static String alice;

    @BeforeAll
    static void signIn() {
        admin = TestApp.token(APP, "admin");
        alice = TestApp.token(APP, "alice");
    }

    private static Map<String, Object> error(Response response, int status) {
        assertThat(response.getStatus()).isEqualTo(status);
        assertThat(response.getMediaType().toString()).startsWith("application/json");
        Map<String, Object> body = response.readEntity(MAP);
        assertThat(body).containsKeys("code", "message", "details");
        return body;
    }

    private static List<Object> paths(Map<String, Object> error) {
        return ((List<Map<String, Object>>) error.get("details")).stream().map(d -> d.get("path")).toList();
    }

    private static Response post(String path, String token, String json) {
        return request(APP, path, token).post(Entity.entity(json, MediaType.APPLICATION_JSON));
    }

    private static Response put(String path, String token, String json) {
        return request(APP, path, token).put(Entity.entity(json, MediaType.APPLICATION_JSON));
    }

    // --- auth

    @Test
    void signingInGivesAnExpiringTokenAndTheUser() {
        Response response = post("/api/v1/auth/token", null, "{\"username\":\"alice\",\"password\":\"demo\"}");
        assertThat(response.getStatus()).isEqualTo(200);
        Map<String, Object> body = response.readEntity(MAP);
        assertThat(body).containsKeys("token", "expiresAt");
        assertThat((Map<String, Object>) body.get("user")).containsEntry("username", "alice").containsEntry("role", "REP");
        assertThat(body.toString()).doesNotContain("password");
    }

    @Test
    void aWrongPasswordAndAnUnknownUserAnswerTheSameWay() {
        Map<String, Object> wrongPassword = error(post("/api/v1/auth/token", null,
                "{\"username\":\"alice\",\"password\":\"nope\"}"), 401);
        Map<String, Object> unknownUser = error(post("/api/v1/auth/token", null,
                "{\"username\":\"mallory\",\"password\":\"nope\"}"), 401);
        assertThat(wrongPassword).isEqualTo(unknownUser);
    }

    @Test
    void signInWithoutFieldsOrWithMalformedJsonIsABadRequest() {
        assertThat(paths(error(post("/api/v1/auth/token", null, "{}"), 422))).containsExactly("username", "password");
        assertThat(paths(error(post("/api/v1/auth/token", null, "{\"username\":"), 400))).containsExactly("body");
        assertThat(paths(error(post("/api/v1/auth/token", null, "{\"username\":\"a\",\"pw\":\"x\"}"), 400)))
                .containsExactly("pw");
        assertThat(paths(error(post("/api/v1/auth/token", null, "{\"username\":[1],\"password\":\"x\"}"), 400)))
                .containsExactly("username");
    }

    @Test
    void missingOrBogusTokensAre401WithAJsonBody() {
        error(request(APP, "/api/v1/products", null).get(), 401);
        error(request(APP, "/api/v1/products", "not-a-token").get(), 401);
        error(request(APP, "/api/v1/users/me", null).get(), 401);
    }

    @Test
    void aTokenInTheUrlIsRefusedEvenWhenItIsValid() {
        Map<String, Object> body = error(request(APP, "/api/v1/users/me?access_token=" + alice, null).get(), 400);
        assertThat(paths(body)).containsExactly("access_token");
        error(request(APP, "/api/v1/users/me?ACCESS_TOKEN=" + alice, alice).get(), 400);
    }

    @Test
    void afterAHandfulOfWrongPasswordsSignInIs429WithRetryAfter() {
        assertThat(status(post("/api/v1/users", admin, "{\"username\":\"guessed\",\"name\":\"Guessed\","
                + "\"role\":\"REP\",\"password\":\"right-one\"}"))).isEqualTo(201);
        for (int attempt = 0; attempt < 5; attempt++) {
            error(post("/api/v1/auth/token", null, "{\"username\":\"guessed\",\"password\":\"wrong\"}"), 401);
        }
        Response throttled = post("/api/v1/auth/token", null, "{\"username\":\"guessed\",\"password\":\"right-one\"}");
        assertThat(throttled.getHeaderString("Retry-After")).matches("[1-9][0-9]*");
        assertThat(error(throttled, 429)).containsEntry("code", "TOO_MANY_REQUESTS");
    }

    @Test
    void signingOutEndsTheToken() {
        String token = TestApp.token(APP, "bob");
        try (Response me = request(APP, "/api/v1/users/me", token).get();
             Response logout = post("/api/v1/auth/logout", token, "{}")) {
            assertThat(me.getStatus()).isEqualTo(200);
            assertThat(logout.getStatus()).isEqualTo(204);
        }
        error(request(APP, "/api/v1/users/me", token).get(), 401);
        error(post("/api/v1/auth/logout", null, "{}"), 401);
    }

    @Test
    void onlyAnAdminCreatesUsers() {
        String carol = "{\"username\":\"carol\",\"name\":\"Carol\",\"role\":\"REP\",\"password\":\"demo\","
                + "\"manager\":\"manager\"}";
        error(post("/api/v1/users", alice, carol), 403);
        assertThat(status(post("/api/v1/users", admin, carol))).isEqualTo(201);
        assertThat(TestApp.token(APP, "carol")).isNotBlank();
        error(post("/api/v1/users", admin, carol), 409);
    }

    @Test
    void anInvalidUserNamesEachBadField() {
        assertThat(paths(error(post("/api/v1/users", admin,
                "{\"username\":\"X Y\",\"name\":\"\",\"role\":\"REP\",\"password\":\"1\"}"), 422)))
                .containsExactly("username", "name", "password");
        assertThat(paths(error(post("/api/v1/users", admin,
                "{\"username\":\"dave\",\"name\":\"Dave\",\"role\":\"KING\",\"password\":\"secret\"}"), 400)))
                .containsExactly("role");
        assertThat(paths(error(post("/api/v1/users", admin,
                "{\"username\":\"dave\",\"name\":\"Dave\",\"role\":\"REP\",\"password\":\"secret\","
                        + "\"manager\":\"ghost\"}"), 422))).containsExactly("manager");
        error(request(APP, "/api/v1/users/dave", admin).get(), 404);
    }

    @Test
    void aRepCannotListUsersOrLookAtAnotherRep() {
        error(request(APP, "/api/v1/users", alice).get(), 403);
        error(request(APP, "/api/v1/users/bob", alice).get(), 403);
        assertThat(request(APP, "/api/v1/users/me", alice).get().readEntity(MAP))
                .containsEntry("username", "alice");
    }

    // --- products

    @Test
    void theDemoCatalogHasAtLeastTwentyFiveProductsAcrossFamilies() {
        List<Map<String, Object>> products = request(APP, "/api/v1/products", alice).get(LIST);
        assertThat(products).hasSizeGreaterThanOrEqualTo(25);
        assertThat(products.stream().map(p -> p.get("kind")).distinct().toList())
                .contains("SUBSCRIPTION", "ONE_TIME", "SERVICE");
        assertThat(request(APP, "/api/v1/products?family=HARDWARE", alice).get(LIST))
                .extracting(p -> p.get("sku")).contains("HW-GATEWAY", "HW-SCANNER", "HW-KIOSK", "HW-TABLET", "HW-ROUTER")
                .doesNotContain("CRM-PRO");
        assertThat(request(APP, "/api/v1/products/HW-GATEWAY", alice).get(MAP))
                .containsEntry("name", "Edge Gateway G2");
        error(request(APP, "/api/v1/products/NOPE", alice).get(), 404);
    }

    @Test
    void anAdminCreatesAndUpdatesAProductAndARepMayNot() {
        String product = "{\"sku\":\"HW-DOCK\",\"name\":\"Tablet Dock\",\"family\":\"HARDWARE\","
                + "\"kind\":\"ONE_TIME\",\"unit\":\"device\"}";
        error(post("/api/v1/products", alice, product), 403);
        assertThat(status(post("/api/v1/products", admin, product))).isEqualTo(201);
        error(post("/api/v1/products", admin, product), 409);
        Response updated = put("/api/v1/products/HW-DOCK", admin, "{\"name\":\"Tablet Dock 2\","
                + "\"family\":\"HARDWARE\",\"kind\":\"ONE_TIME\",\"unit\":\"device\",\"active\":false}");
        assertThat(updated.readEntity(MAP)).containsEntry("name", "Tablet Dock 2").containsEntry("active", false);
        error(put("/api/v1/products/NOPE", admin, product.replace("HW-DOCK", "NOPE")), 404);
        error(put("/api/v1/products/HW-DOCK", alice, product), 403);
    }

    @Test
    void badProductsNameTheFieldAndStoreNothing() {
        assertThat(paths(error(post("/api/v1/products", admin, "{\"sku\":\"bad sku!\",\"name\":\"\"}"), 422)))
                .containsExactlyInAnyOrder("sku", "name", "family", "unit", "kind");
        assertThat(paths(error(post("/api/v1/products", admin, "{\"sku\":\"X1\",\"name\":\"X\",\"family\":\"F\","
                + "\"kind\":\"FOREVER\",\"unit\":\"u\"}"), 400))).containsExactly("kind");
        assertThat(paths(error(post("/api/v1/products", admin, "{\"sku\":\"X1\",\"colour\":\"red\"}"), 400)))
                .containsExactly("colour");
        assertThat(paths(error(post("/api/v1/products", admin, "{\"sku\":\"X1\",\"fractional\":\"maybe\"}"), 400)))
                .containsExactly("fractional");
        error(post("/api/v1/products", admin, "[1,2"), 400);
        error(put("/api/v1/products/HW-GATEWAY", admin, "{\"sku\":\"OTHER\",\"name\":\"G\",\"family\":\"F\","
                + "\"kind\":\"ONE_TIME\",\"unit\":\"u\"}"), 422);
        error(request(APP, "/api/v1/products/X1", admin).get(), 404);
    }

    @Test
    void anOversizedBodyIs413BeforeItIsRead() throws Exception {
        // Only the headers go out: the declared length alone is refused, so the test never races
        // the server closing a connection while a client is still sending.
        try (java.net.Socket socket = new java.net.Socket("localhost", APP.getLocalPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST /api/v1/products HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + admin
                    + "\r\nContent-Type: application/json\r\nContent-Length: 1200000\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[1024];
            int read;
            while (!answer.toString().contains("}") && (read = socket.getInputStream().read(buffer)) > 0) {
                answer.append(new String(buffer, 0, read, java.nio.charset.StandardCharsets.UTF_8));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("PAYLOAD_TOO_LARGE");
        }
    }

    @Test
    void anOversizedChunkedBodyWithoutALengthIs413Too() throws Exception {
        String entry = "{\"sku\":\"CRM-STD\",\"currency\":\"USD\",\"listPrice\":1},";
        byte[] head = ("[" + entry.repeat(15_000)).getBytes();
        byte[] tail = (entry.repeat(15_000) + entry.substring(0, entry.length() - 1) + "]").getBytes();
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(TestApp.url(APP, "/api/v1/price-books/Standard%20USD/entries")))
                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                        new java.io.ByteArrayInputStream(head), new java.io.ByteArrayInputStream(tail))))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.body()).contains("PAYLOAD_TOO_LARGE");
    }

    @Test
    void aWrongContentTypeIs415AndAnUnknownPathIs404() {
        error(request(APP, "/api/v1/products", admin).post(Entity.entity("<p/>", MediaType.APPLICATION_XML)), 415);
        error(request(APP, "/api/v1/nowhere", admin).get(), 404);
    }

    @Test
    void productsImportFromCsvAllOrNothing() {
        Response ok = request(APP, "/api/v1/products", admin).post(Entity.entity("""
                sku,name,family,kind,unit,fractional,description
                SVC-AUDIT,Security Audit,SERVICES,SERVICE,day,true,A security review
                HW-CABLE,Cable Kit,HARDWARE,ONE_TIME,kit,false,
                """, "text/csv"));
        assertThat(ok.getStatus()).isEqualTo(200);
        assertThat(ok.readEntity(MAP)).containsEntry("imported", 2);
        assertThat(paths(error(request(APP, "/api/v1/products", admin).post(Entity.entity("""
                sku,name,family,kind,unit,colour
                HW-Z,Z,HARDWARE,ONE_TIME,kit,red
                """, "text/csv")), 422))).containsExactly("header");
        assertThat(paths(error(request(APP, "/api/v1/products", admin).post(Entity.entity("""
                sku,name,family,kind,unit
                HW-Y,Y,HARDWARE,ONE_TIME,kit
                HW-Q,,HARDWARE,ONE_TIME,kit
                """, "text/csv")), 422))).containsExactly("rows[1].name");
        error(request(APP, "/api/v1/products/HW-Y", admin).get(), 404);
        error(request(APP, "/api/v1/products", alice).post(Entity.entity("sku\n", "text/csv")), 403);
    }

    // --- bundles

    @Test
    void bundlesListTheirOptionsAndAnAdminReplacesThem() {
        Map<String, Object> retail = request(APP, "/api/v1/bundles/BDL-RETAIL", alice).get(MAP);
        assertThat((List<?>) retail.get("options")).hasSize(4);
        assertThat(request(APP, "/api/v1/bundles", alice).get(LIST)).hasSize(2);
        Response put = put("/api/v1/bundles/BDL-RETAIL", admin, "{\"options\":[{\"optionSku\":\"HW-GATEWAY\","
                + "\"minQuantity\":1,\"maxQuantity\":2,\"required\":true,\"defaultQuantity\":1}]}");
        assertThat(status(put)).isEqualTo(200);
        error(put("/api/v1/bundles/BDL-RETAIL", alice, "{\"options\":[]}"), 403);
        error(request(APP, "/api/v1/bundles/NOPE", alice).get(), 404);
    }

    @Test
    void badBundlesNameTheOption() {
        assertThat(paths(error(put("/api/v1/bundles/BDL-STARTER", admin, "{\"options\":[{\"optionSku\":\"NOPE\","
                + "\"minQuantity\":2,\"maxQuantity\":1,\"required\":false,\"defaultQuantity\":1}]}"), 422)))
                .containsExactly("options[0].optionSku", "options[0].maxQuantity", "options[0].defaultQuantity");
        error(put("/api/v1/bundles/BDL-STARTER", admin, "{\"options\":[]}"), 422);
        error(put("/api/v1/bundles/BDL-STARTER", admin, "{\"options\":[{\"optionSku\":\"CRM-STD\","
                + "\"minQuantity\":\"many\",\"required\":true}]}"), 400);
        error(put("/api/v1/bundles/NOPE", admin, "{\"options\":[{\"optionSku\":\"CRM-STD\",\"required\":true,"
                + "\"minQuantity\":1}]}"), 404);
        assertThat((List<?>) request(APP, "/api/v1/bundles/BDL-STARTER", alice).get(MAP).get("options"))
                .hasSize(3);
    }

    // --- configuration rules

    @Test
    void configurationRulesAreListedCreatedChangedAndDeletedByAnAdmin() {
        assertThat(request(APP, "/api/v1/configuration-rules", alice).get(LIST)).hasSizeGreaterThanOrEqualTo(5);
        String rule = "{\"kind\":\"REQUIRES\",\"subjectSku\":\"ADD-CPQ\",\"targetFamily\":\"CRM\","
                + "\"message\":\"CPQ needs a Sales Cloud edition.\"}";
        error(post("/api/v1/configuration-rules", alice, rule), 403);
        Response created = post("/api/v1/configuration-rules", admin, rule);
        assertThat(created.getStatus()).isEqualTo(201);
        Number id = (Number) created.readEntity(MAP).get("id");
        assertThat(put("/api/v1/configuration-rules/" + id, admin, rule.replace("CPQ needs", "The CPQ add-on needs"))
                .readEntity(MAP)).containsEntry("message", "The CPQ add-on needs a Sales Cloud edition.");
        assertThat(status(request(APP, "/api/v1/configuration-rules/" + id, admin).delete())).isEqualTo(204);
        error(request(APP, "/api/v1/configuration-rules/" + id, admin).delete(), 404);
        error(put("/api/v1/configuration-rules/999999", admin, rule), 404);
    }

    @Test
    void badConfigurationRulesNameTheField() {
        assertThat(paths(error(post("/api/v1/configuration-rules", admin, "{\"kind\":\"REQUIRES\","
                + "\"subjectSku\":\"NOPE\",\"message\":\"\"}"), 422)))
                .containsExactly("subjectSku", "targetSku", "message");
        assertThat(paths(error(post("/api/v1/configuration-rules", admin, "{\"kind\":\"QUANTITY_LIMIT\","
                + "\"subjectSku\":\"SUP-TAM\",\"minQuantity\":3,\"maxQuantity\":1,\"message\":\"m\"}"), 422)))
                .containsExactly("maxQuantity");
        error(request(APP, "/api/v1/configuration-rules/abc", admin).delete(), 404);
    }

    // --- price books

    @Test
    void priceBooksInUsdAndEurCarryEffectiveDatedEntries() {
        assertThat(request(APP, "/api/v1/price-books", alice).get(LIST)).extracting(b -> b.get("name"))
                .contains("Standard USD", "Standard EUR");
        List<Map<String, Object>> entries = request(APP, "/api/v1/price-books/Standard%20USD/entries", alice).get(LIST);
        assertThat(entries.stream().filter(e -> "CRM-PRO".equals(e.get("sku"))).count()).isEqualTo(2);
        assertThat(request(APP, "/api/v1/price-books/Standard%20EUR", alice).get(MAP))
                .containsEntry("name", "Standard EUR");
        error(request(APP, "/api/v1/price-books/Nope", alice).get(), 404);
        error(request(APP, "/api/v1/price-books/Nope/entries", alice).get(), 404);
    }

    @Test
    void anAdminCreatesAPriceBookAndLoadsEntriesAsJsonOrCsv() {
        assertThat(status(put("/api/v1/price-books/Partner%20USD", admin, "{\"description\":\"Partner prices\"}")))
                .isEqualTo(200);
        Response json = post("/api/v1/price-books/Partner%20USD/entries", admin,
                "[{\"sku\":\"CRM-PRO\",\"currency\":\"USD\",\"listPrice\":80,\"effectiveFrom\":\"2026-01-01\"}]");
        assertThat(json.readEntity(MAP)).containsEntry("imported", 1);
        Response csv = request(APP, "/api/v1/price-books/Partner%20USD/entries", admin).post(Entity.entity("""
                sku,currency,listPrice,effectiveFrom,effectiveTo
                CRM-STD,USD,40,2026-01-01,
                CRM-ENT,USD,150.50,2026-01-01,2026-12-31
                """, "text/csv"));
        assertThat(csv.readEntity(MAP)).containsEntry("imported", 2);
        assertThat(request(APP, "/api/v1/price-books/Partner%20USD/entries", alice).get(LIST)).hasSize(3);
        error(put("/api/v1/price-books/Other", alice, "{}"), 403);
    }

    @Test
    void badPriceEntriesAreRejectedWholeWithTheirPaths() {
        assertThat(paths(error(post("/api/v1/price-books/Standard%20USD/entries", admin,
                "[{\"sku\":\"NOPE\",\"currency\":\"USD\",\"listPrice\":1},"
                        + "{\"sku\":\"CRM-STD\",\"currency\":\"ABC\",\"listPrice\":1},"
                        + "{\"sku\":\"CRM-STD\",\"currency\":\"USD\",\"listPrice\":-5},"
                        + "{\"sku\":\"CRM-STD\",\"currency\":\"USD\",\"listPrice\":1e15},"
                        + "{\"sku\":\"CRM-STD\",\"currency\":\"USD\",\"listPrice\":1,"
                        + "\"effectiveFrom\":\"2026-05-01\",\"effectiveTo\":\"2026-04-01\"}]"), 422)))
                .containsExactly("[0].sku", "[1].currency", "[2].listPrice", "[3].listPrice", "[4].effectiveTo");
        assertThat(paths(error(post("/api/v1/price-books/Standard%20USD/entries", admin,
                "[{\"sku\":\"CRM-STD\",\"currency\":\"USD\",\"listPrice\":\"cheap\"}]"), 400)))
                .containsExactly("[0].listPrice");
        assertThat(paths(error(post("/api/v1/price-books/Standard%20USD/entries", admin,
                "[{\"sku\":\"CRM-STD\",\"currency\":\"USD\",\"listPrice\":1,\"effectiveFrom\":\"yesterday\"}]"),
                400))).containsExactly("[0].effectiveFrom");
        assertThat(paths(error(request(APP, "/api/v1/price-books/Standard%20USD/entries", admin).post(Entity.entity(
                "sku,currency,listPrice\nCRM-STD,USD,abc\n", "text/csv")), 422))).containsExactly("rows[0].listPrice");
        error(post("/api/v1/price-books/Nope/entries", admin, "[]"), 404);
        error(post("/api/v1/price-books/Standard%20USD/entries", alice, "[]"), 403);
        error(put("/api/v1/price-books/" + "x".repeat(101), admin, "{}"), 422);
    }

    @Test
    void financeReadsTheAuditLogOfCatalogChangesAndARepMayNot() {
        String product = "{\"sku\":\"HW-AUDIT\",\"name\":\"Audited Box\",\"family\":\"HARDWARE\","
                + "\"kind\":\"ONE_TIME\",\"unit\":\"device\"}";
        assertThat(status(post("/api/v1/products", admin, product))).isEqualTo(201);
        String finance = TestApp.token(APP, "finance");
        List<Map<String, Object>> entries = request(APP, "/api/v1/audit?entity=product&entityId=HW-AUDIT", finance)
                .get(LIST);
        assertThat(entries).singleElement().satisfies(entry -> {
            assertThat(entry).containsEntry("actor", "admin").containsEntry("action", "CREATE");
            assertThat((Map<String, Object>) entry.get("after")).containsEntry("name", "Audited Box");
        });
        error(request(APP, "/api/v1/audit", alice).get(), 403);
        assertThat(paths(error(request(APP, "/api/v1/audit?limit=0", finance).get(), 422))).containsExactly("limit");
        assertThat(paths(error(request(APP, "/api/v1/audit?limit=many", finance).get(), 422)))
                .containsExactly("limit");
    }

    @Test
    void theHealthChecksCoverTheDatabaseAndTheRules() {
        Response health = APP.client().target("http://localhost:" + APP.getAdminPort() + "/healthcheck")
                .request().get();
        Map<String, Object> body = health.readEntity(MAP);
        assertThat(body).containsKeys("database", "rules", "pricing-rules", "commission-rules");
        assertThat(((Map<String, Object>) body.get("pricing-rules"))).containsEntry("healthy", true);
        assertThat(((Map<String, Object>) body.get("commission-rules"))).containsEntry("healthy", true);
        assertThat((String) ((Map<String, Object>) body.get("pricing-rules")).get("message"))
                .as("the rule set in force today, not the one compiled at start-up")
                .matches("\\d+ pricing rules compiled \\(rule set \\d+\\)");
        assertThat(((Map<String, Object>) body.get("database"))).containsEntry("healthy", true);
    }

    // --- the API description

    @Test
    void theOpenApiDescriptionListsEveryEndpointWithItsRolesAndTheErrorContract() throws Exception {
        Map<String, Object> api = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                request(APP, "/api/v1/openapi.json", null).property("jersey.config.client.readTimeout", 120_000)
                        .get(String.class), Map.class);
        Map<String, Map<String, Object>> described = (Map<String, Map<String, Object>>) api.get("paths");
        List<String> missing = new java.util.ArrayList<>();
        int endpoints = 0;
        // Dropwizard keeps each registered resource's class among the configuration's classes.
        for (Class<?> resource : APP.getEnvironment().jersey().getResourceConfig().getClasses()) {
            if (!resource.isAnnotationPresent(jakarta.ws.rs.Path.class)) {
                continue;
            }
            var model = org.glassfish.jersey.server.model.Resource.from(resource);
            List<String[]> methods = new java.util.ArrayList<>();
            model.getResourceMethods().forEach(method -> methods.add(new String[] {model.getPath(), method.getHttpMethod()}));
            for (var child : model.getChildResources()) {
                child.getResourceMethods().forEach(method ->
                        methods.add(new String[] {model.getPath() + "/" + child.getPath(), method.getHttpMethod()}));
            }
            for (String[] method : methods) {
                String path = dealdesk.common.OpenApiResource.normalize(method[0]);
                if (!path.startsWith("/api/v1")) {
                    continue;
                }
                endpoints++;
                Map<String, Object> operation = described.getOrDefault(path, Map.of()) == null ? null
                        : (Map<String, Object>) described.getOrDefault(path, Map.of()).get(method[1].toLowerCase());
                if (operation == null) {
                    missing.add(method[1] + " " + path);
                    continue;
                }
                assertThat(operation).as(method[1] + " " + path).containsKey("x-roles");
                assertThat(((Map<String, Object>) operation.get("responses")).keySet()).as(method[1] + " " + path)
                        .contains("4XX");
            }
        }
        assertThat(endpoints).isGreaterThan(20);
        assertThat(missing).isEmpty();
        assertThat(api.toString()).contains("ErrorResponse");
        Map<String, Object> products = (Map<String, Object>) described.get("/api/v1/products").get("post");
        assertThat((List<String>) products.get("x-roles")).containsExactly("ADMIN");
    }
}
