package dealdesk.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Credit splits as a CSV cell writes them, {@code alice:70;bob:30}, read into
 * the same list of split records a JSON body gives (a JSON list reads as
 * usual). A cell not written that way is a binding problem at the field.
 */
public abstract class SplitsText<T> extends StdDeserializer<List<T>> {
    private static final String WRITTEN = "!are written like alice:70;bob:30";
    private final Class<T> type;

    protected SplitsText(Class<T> type) {
        super(List.class);
        this.type = type;
    }

    /** One split of the cell. */
    protected abstract T split(String username, BigDecimal percent);

    @Override
    @SuppressWarnings("unchecked")
    public List<T> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            return context.readValue(parser, context.getTypeFactory().constructCollectionType(List.class, type));
        }
        String text = parser.getText();
        List<T> splits = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] pieces = part.trim().split(":");
            BigDecimal percent = pieces.length == 2 ? number(pieces[1]) : null;
            if (percent == null) {
                return (List<T>) context.handleWeirdStringValue(List.class, text, WRITTEN);
            }
            splits.add(split(pieces[0].trim(), percent));
        }
        return splits;
    }

    private static BigDecimal number(String text) {
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
