package dealdesk.commission;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dealdesk.commission.engine.Statement;
import dealdesk.common.Json;

/** The JSON commission stores: statements as computed, audit entries. */
final class CommissionJson {
    private static final ObjectMapper JSON = Json.configure(new ObjectMapper()).findAndRegisterModules();

    private CommissionJson() {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Statement statement(String body) {
        try {
            return JSON.readValue(body, Statement.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored statement unreadable", e);
        }
    }
}
