package dealdesk.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.JsonNodeDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;

/**
 * What every JSON document read by dealdesk must respect, whatever type reads
 * it: strings (in records and in free-form trees) carry no control characters,
 * and a {@link LocalDate} is an ISO string with a four-digit year, never an
 * integer day count or an array. Failures carry the field's path.
 */
final class JsonGuards {
    private JsonGuards() {
    }

    static SimpleModule module() {
        return new SimpleModule("dealdesk-guards")
                .addDeserializer(String.class, new CleanStrings())
                .addDeserializer(JsonNode.class, new CleanTrees())
                .addDeserializer(LocalDate.class, new IsoDates());
    }

    /** A refused value: the mappers answer with its code, the field's path and this message. */
    static final class RefusedValue extends JsonMappingException {
        private final ErrorCode code;

        RefusedValue(JsonParser parser, String message) {
            this(parser, message, ErrorCode.VALIDATION_FAILED);
        }

        RefusedValue(JsonParser parser, String message, ErrorCode code) {
            super(parser, message);
            this.code = code;
        }

        ErrorCode code() {
            return code;
        }
    }

    static final class CleanStrings extends StdScalarDeserializer<String> {
        CleanStrings() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (Text.hasControlCharacters(value)) {
                throw new RefusedValue(parser, Text.REFUSED);
            }
            return value;
        }
    }

    static final class CleanTrees extends StdScalarDeserializer<JsonNode> {
        CleanTrees() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            JsonNode tree = JsonNodeDeserializer.getDeserializer(JsonNode.class).deserialize(parser, context);
            String bad = firstControlCharacter(tree, "");
            if (bad != null) {
                RefusedValue refused = new RefusedValue(parser, Text.REFUSED);
                refused.prependPath(new JsonMappingException.Reference(null, bad.isEmpty() ? "body" : bad));
                throw refused;
            }
            return tree;
        }

        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return com.fasterxml.jackson.databind.node.NullNode.getInstance();
        }

        /** The dotted path of the first text (or field name) with a control character, or null. */
        private static String firstControlCharacter(JsonNode node, String path) {
            if (node.isTextual()) {
                return Text.hasControlCharacters(node.textValue()) ? path : null;
            }
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    String bad = firstControlCharacter(node.get(i), path + "[" + i + "]");
                    if (bad != null) {
                        return bad;
                    }
                }
            } else if (node.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
                    if (Text.hasControlCharacters(field.getKey())) {
                        return path.isEmpty() ? "body" : path;
                    }
                    String bad = firstControlCharacter(field.getValue(), child);
                    if (bad != null) {
                        return bad;
                    }
                }
            }
            return null;
        }
    }

    static final class IsoDates extends StdScalarDeserializer<LocalDate> {
        IsoDates() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                throw new RefusedValue(parser, "expected " + Dates.EXPECTED + " (a string)", ErrorCode.MALFORMED_REQUEST);
            }
            String text = parser.getText();
            // a date that is not one is malformed (400), like any value of the wrong type
            return Dates.parse(text).orElseThrow(() -> new RefusedValue(parser,
                    "expected " + Dates.EXPECTED + ", got " + abbreviate(text), ErrorCode.MALFORMED_REQUEST));
        }

        private static String abbreviate(String text) {
            String printable = Text.hasControlCharacters(text) ? "a text with control characters" : text;
            return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
        }
    }
}
