package dealdesk.common;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Binds a document (a plan, a CSV row) to request records without stopping at
 * the first field that does not fit: a value of the wrong type, an unknown
 * enum constant or field becomes a {@link FieldError} at its path and the
 * field is left null, so the record's constraints and the binding problems are
 * reported together, every one at its path.
 */
public final class Binding {
    private Binding() {
    }

    /**
     * Configures {@code mapper} for lenient binding: decimals exact, enums by name in any case (never by
     * number), text checked for control characters, dates ISO; pair it with a {@link Problems} handler.
     */
    @SuppressWarnings("deprecation")
    public static <M extends ObjectMapper> M configure(M mapper) {
        mapper.configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS, true);
        mapper.registerModule(new SimpleModule("dealdesk-lenient")
                .addDeserializer(String.class, new CleanText())
                .addDeserializer(LocalDate.class, new IsoDate()));
        return mapper;
    }

    /** A JSON mapper configured by {@link #configure}. */
    public static ObjectMapper jsonMapper() {
        return configure(new JsonMapper());
    }

    /**
     * Collects what does not fit, each at its path under {@code prefix} (which a CSV reader moves from
     * row to row). A handler belongs to one document: create one per read.
     */
    public static final class Problems extends DeserializationProblemHandler {
        private final List<FieldError> errors = new ArrayList<>();
        private String prefix;

        public Problems(String prefix) {
            this.prefix = prefix;
        }

        public void prefix(String newPrefix) {
            this.prefix = newPrefix;
        }

        public List<FieldError> errors() {
            return List.copyOf(errors);
        }

        /** Adds a problem at the parser's current field. */
        public void add(JsonParser parser, String message) {
            add(path(parser), message);
        }

        private void add(String path, String message) {
            if (errors.stream().noneMatch(error -> error.path().equals(path))) {
                errors.add(new FieldError(path, message));
            }
        }

        @Override
        public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
                                             JsonDeserializer<?> deserializer, Object beanOrClass, String name)
                throws IOException {
            Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass == null ? null : beanOrClass.getClass();
            String known = fieldsOf(type, deserializer);
            // a record's unknown fields are buffered and replayed once the record is built: the document's
            // own parser then stands at the end of the record, whose context says where the record is
            JsonParser document = context.getParser();
            String path = document != null && document != parser && document.currentToken() == JsonToken.END_OBJECT
                    ? path(document.getParsingContext(), document, name) : path(parser);
            add(path, "unknown field " + shown(name) + (known.isEmpty() ? "" : "; expected one of " + known));
            parser.skipChildren();
            return true;
        }

        @Override
        public Object handleWeirdStringValue(DeserializationContext context, Class<?> type, String value,
                                             String failure) {
            if (type == String.class) {
                add(context.getParser(), fieldName(context.getParser()) + " " + failure);
                return null;
            }
            add(context.getParser(), expected(context.getParser(), type, failure) + ", not " + shown(value));
            return null;
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext context, Class<?> type, Number value,
                                             String failure) {
            add(context.getParser(), expected(context.getParser(), type, failure) + ", not " + shown(String.valueOf(value)));
            return null;
        }

        @Override
        public Object handleUnexpectedToken(DeserializationContext context, JavaType type, JsonToken token,
                                            JsonParser parser, String failure) throws IOException {
            String path = path(parser);
            String found = switch (token == null ? JsonToken.NOT_AVAILABLE : token) {
                case START_ARRAY -> "a list";
                case START_OBJECT -> "an object";
                case VALUE_TRUE, VALUE_FALSE -> parser.getText();
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_STRING -> shown(parser.getText());
                default -> "that";
            };
            parser.skipChildren();
            add(path, expected(parser, type.getRawClass(), failure) + ", not " + found);
            return null;
        }

        @Override
        public Object handleMissingInstantiator(DeserializationContext context, Class<?> type,
                                                ValueInstantiator instantiator, JsonParser parser, String failure)
                throws IOException {
            String path = path(parser);
            parser.skipChildren();
            add(path, expected(parser, type, failure));
            return null;
        }

        /** The path of the value the parser is at ({@code tiers.bands[1].from}), under the prefix. */
        private String path(JsonParser parser) {
            JsonStreamContext context = parser.getParsingContext();
            JsonToken token = parser.currentToken();
            if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
                context = context.getParent();
            }
            return path(context, parser, null);
        }

        private String path(JsonStreamContext context, JsonParser parser, String field) {
            List<String> parts = new ArrayList<>();
            for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
                if (at.inArray()) {
                    parts.add(0, "[" + Math.max(0, at.getCurrentIndex()) + "]");
                } else if (name(at, context, parser) != null) {
                    parts.add(0, "." + name(at, context, parser));
                }
            }
            if (field != null) {
                parts.add("." + field);
            }
            String path = prefix + String.join("", parts);
            path = path.startsWith(".") ? path.substring(1) : path;
            return path.isEmpty() ? "body" : path;
        }

        /** What the field takes, in words: "from must be a number". */
        private static String expected(JsonParser parser, Class<?> type, String failure) {
            String field = fieldName(parser);
            if (type.isEnum()) {
                return field + " must be one of " + Arrays.stream(type.getEnumConstants())
                        .map(constant -> ((Enum<?>) constant).name()).collect(Collectors.joining(", "));
            }
            if (type == BigDecimal.class || Number.class.isAssignableFrom(type)
                    || type == int.class || type == long.class) {
                return field + " must be " + (type == Integer.class || type == Long.class || type == int.class
                        || type == long.class ? "a whole number" : "a number");
            }
            if (type == LocalDate.class) {
                return field + " must be " + Dates.EXPECTED;
            }
            if (type == Boolean.class || type == boolean.class) {
                return field + " must be true or false";
            }
            if (type == String.class) {
                return field + " must be a text";
            }
            if (Collection.class.isAssignableFrom(type) || type.isArray()) {
                return failure != null && failure.startsWith("!") ? field + " " + failure.substring(1)
                        : field + " must be a list";
            }
            if (Map.class.isAssignableFrom(type)) {
                return field + " must be an object";
            }
            String fields = fieldsOf(type, null);
            return field + " must be an object" + (fields.isEmpty() ? "" : " with " + fields);
        }

        private static String fieldName(JsonParser parser) {
            JsonStreamContext context = parser.getParsingContext();
            JsonToken token = parser.currentToken();
            if ((token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) && context.getParent() != null) {
                context = context.getParent();
            }
            if (context.inArray()) {
                JsonStreamContext list = context.getParent();
                return "each item of " + (list != null && list.getCurrentName() != null ? list.getCurrentName() : "the list");
            }
            String name = name(context, context, parser);
            return name == null ? "the document" : name;
        }

        /** A field's name; the CSV parser keeps the current column's on the parser, not its context. */
        private static String name(JsonStreamContext at, JsonStreamContext innermost, JsonParser parser) {
            if (at.getCurrentName() != null || at != innermost) {
                return at.getCurrentName();
            }
            try {
                return parser.currentName();
            } catch (IOException e) {
                return null;
            }
        }

        private static String fieldsOf(Class<?> type, JsonDeserializer<?> deserializer) {
            if (type != null && type.isRecord()) {
                return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName)
                        .collect(Collectors.joining(", "));
            }
            if (deserializer != null && deserializer.getKnownPropertyNames() != null) {
                return deserializer.getKnownPropertyNames().stream().map(String::valueOf)
                        .collect(Collectors.joining(", "));
            }
            return "";
        }
    }

    /** A value as a message may show it: printable and short. */
    public static String shown(String value) {
        String printable = Text.hasControlCharacters(value) ? "a text with control characters" : value;
        return printable.length() > 40 ? printable.substring(0, 40) + "..." : printable;
    }

    /**
     * A yes-or-no cell as CRM exports write it: true/false, yes/no or 1/0 in any case (JSON booleans
     * too); anything else is a problem at its field.
     */
    public static final class YesNo extends StdScalarDeserializer<Boolean> {
        public YesNo() {
            super(Boolean.class);
        }

        @Override
        public Boolean deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_TRUE || parser.currentToken() == JsonToken.VALUE_FALSE) {
                return parser.getBooleanValue();
            }
            String text = parser.getValueAsString();
            if (text == null) {
                return (Boolean) context.handleUnexpectedToken(Boolean.class, parser);
            }
            return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> (Boolean) context.handleWeirdStringValue(Boolean.class, text, "not yes or no");
            };
        }
    }

    /** Text without control characters; a refused text is a problem at its field, and null. */
    static final class CleanText extends StdScalarDeserializer<String> {
        CleanText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            if (Text.hasControlCharacters(value)) {
                return (String) context.handleWeirdStringValue(String.class, value, Text.REFUSED);
            }
            return value;
        }
    }

    /** An ISO date with a four-digit year ({@link Dates#parse}); anything else is a problem at its field. */
    static final class IsoDate extends StdScalarDeserializer<LocalDate> {
        IsoDate() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_STRING) {
                return (LocalDate) context.handleUnexpectedToken(LocalDate.class, parser);
            }
            String text = parser.getText();
            return Dates.parse(text).orElseGet(() -> {
                try {
                    return (LocalDate) context.handleWeirdStringValue(LocalDate.class, text, "not a date");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }
}
