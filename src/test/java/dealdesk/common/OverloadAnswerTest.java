package dealdesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import org.apache.tomcat.jdbc.pool.PoolExhaustedException;
import org.jdbi.v3.core.ConnectionException;
import org.junit.jupiter.api.Test;

/** When every database connection stays busy (overload), a request is told to retry: 503 JSON, not a 500. */
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
}
