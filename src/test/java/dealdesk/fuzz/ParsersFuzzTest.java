package dealdesk.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dealdesk.auth.UserService;
import dealdesk.commission.TransactionParser;
import dealdesk.commission.api.TransactionRequest;
import dealdesk.commission.plan.PlanParser;
import dealdesk.common.ApiException;
import dealdesk.common.Json;
import dealdesk.common.JsonErrorMappers;
import dealdesk.common.Text;
import dealdesk.quote.QuoteRequest;
import io.dropwizard.jackson.Jackson;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer over what reads untrusted text: JSON request bodies (records and free-form trees),
 * CSV imports (bound to the transaction import's records and checked) and plan documents. Whatever the input, the answer is a value or a client
 * error (4xx) naming where, never another exception (which the service would answer 500).
 * In the suite each runs its kept corpus ({@code src/test/resources/dealdesk/fuzz/ParsersFuzzTestInputs});
 * a real fuzzing run, bounded by maxDuration, is {@code JAZZER_FUZZ=1 mvn -q test -Dtest=ParsersFuzzTest#csv}
 * (one method per run; new findings land in that corpus directory).
 */
class ParsersFuzzTest {
    private static final ObjectMapper MAPPER = Json.configure(Jackson.newObjectMapper());
    private static final List<Class<?>> BODIES = List.of(QuoteRequest.class, UserService.NewUser.class, JsonNode.class,
            Map.class);

    @FuzzTest(maxDuration = "60s")
    void jsonBodies(FuzzedDataProvider data) {
        String body = data.consumeRemainingAsString();
        for (Class<?> type : BODIES) {
            try {
                Object value = MAPPER.readValue(body, type);
                if (value instanceof JsonNode tree) {
                    assertThat(Text.hasControlCharacters(tree.toString().replace("\\n", "").replace("\\t", "")
                            .replace("\\r", ""))).isFalse();
                }
            } catch (JsonProcessingException e) {
                assertClientError(JsonErrorMappers.toApiException(e));
            }
        }
    }

    @FuzzTest(maxDuration = "60s")
    void csv(FuzzedDataProvider data) {
        String body = data.consumeRemainingAsString();
        try {
            List<TransactionRequest> rows = TransactionParser.fromCsv(body);
            TransactionParser.validate(rows, "rows");
            rows.forEach(row -> assertThat(Text.hasControlCharacters(String.join("", String.valueOf(row.id()),
                    String.valueOf(row.sku()), String.valueOf(row.currency()))))
                    .isFalse());
        } catch (ApiException e) {
            assertClientError(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void planDocuments(FuzzedDataProvider data) {
        String document = data.consumeRemainingAsString();
        try {
            PlanParser.parse(document);
        } catch (ApiException e) {
            assertClientError(e);
        }
    }

    private static void assertClientError(ApiException refusal) {
        assertThat(refusal.code().status()).as(refusal.getMessage()).isBetween(400, 499);
        assertThat(refusal.details()).as(refusal.getMessage()).isNotNull();
    }
}
