package dealdesk.commission;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import dealdesk.commission.engine.Statement;
import dealdesk.common.Json;
import dealdesk.common.Money;
import java.io.IOException;

/** The JSON commission stores: statements as computed (amounts as plain numbers beside the currency), audit entries. */
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

    /** The top-level "currency" of a stored statement, read up to it (it comes third) and no further. */
    private static String currency(String body) throws IOException {
        try (JsonParser parser = JSON.getFactory().createParser(body)) {
            int depth = 0;
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isStructStart()) {
                    depth++;
                } else if (token.isStructEnd()) {
                    depth--;
                } else if (depth == 1 && token == JsonToken.FIELD_NAME && "currency".equals(parser.currentName())) {
                    return parser.nextTextValue();
                }
            }
            return null;
        }
    }

    /** A stored statement: its amounts are in the currency it names beside them. */
    static Statement statement(String body) {
        try {
            return Json.readerInCurrency(JSON, Statement.class, Money.currency(currency(body))).readValue(body);
        } catch (IOException e) {
            throw new IllegalStateException("stored statement unreadable", e);
        }
    }
}
