package dealdesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.apache.tomcat.jdbc.pool.PoolExhaustedException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/**
 * Failures that are not the service's fault answer the error contract, not a 500: an exhausted connection
 * pool (overload) is a 503 to retry, a body in an encoding Jackson cannot read is a 400.
 */
class OverloadAnswerTest {

    @Test
    void anExhaustedConnectionPoolIsA503WithRetryAfter() {
        Throwable overloaded = new ConnectionException(new PoolExhaustedException(
                "[dw-1 - POST /api/v1/estimates] Timeout: Pool empty. Unable to fetch a connection in 30 seconds"));

        try (Response response = new JsonErrorMappers.FallbackMapper().toResponse(overloaded)) {
            assertThat(response.getStatus()).isEqualTo(503);
            assertThat(response.getHeaderString("Retry-After")).isEqualTo("1");
            assertThat(((ErrorResponse) response.getEntity()).code()).isEqualTo("SERVICE_UNAVAILABLE");
        }
    }

    @Test
    void aBodyJacksonTakesForUcs4WithAnOddByteOrderIsA400() {
        // the bytes 00 7c 00 00 00, found by QuotePreviewFuzzTest on POST /api/v1/quotes/preview
        Throwable unreadable = new jakarta.ws.rs.ProcessingException(
                new java.io.CharConversionException("Unsupported UCS-4 endianness (3412) detected"));

        try (Response response = new JsonErrorMappers.FallbackMapper().toResponse(unreadable)) {
            assertThat(response.getStatus()).isEqualTo(400);
            assertThat(((ErrorResponse) response.getEntity()).details()).extracting(FieldError::path).containsExactly("body");
        }
    }
}
