package dealdesk.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.Currency;

/**
 * One JSON policy: unknown fields, floats where whole numbers belong and nulls
 * for primitives are errors; decimals are read as BigDecimal and written
 * plainly; dates are ISO strings, never numbers; text has no control
 * characters ({@link JsonGuards}).
 */
public final class Json {
    private Json() {
    }

    public static ObjectMapper configure(ObjectMapper mapper) {
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.ACCEPT_FLOAT_AS_INT, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        mapper.configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true);
        mapper.configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
        mapper.configure(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS, false);
        mapper.configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true);
        // Deeply nested or enormous documents are refused before they cost memory.
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxNumberLength(64).maxStringLength(1_000_000).build());
        mapper.registerModule(JsonGuards.module());
        mapper.registerModule(new SimpleModule("dealdesk-money").addSerializer(Money.class, new MoneySerializer())
                .addDeserializer(Money.class, new MoneyDeserializer()));
        return mapper;
    }

    /**
     * A reader for documents whose amounts are all in one currency, named once beside them (a stored
     * priced quote): each plain-number amount becomes Money in {@code currency}.
     */
    public static ObjectReader readerInCurrency(ObjectMapper mapper, Class<?> type, Currency currency) {
        return mapper.readerFor(type).withAttribute(Money.class, currency);
    }

    /** Money read back from a plain number, in the currency the reader was given ({@link #readerInCurrency}). */
    static final class MoneyDeserializer extends StdDeserializer<Money> {
        MoneyDeserializer() {
            super(Money.class);
        }

        @Override
        public Money deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!(context.getAttribute(Money.class) instanceof Currency currency)) {
                return (Money) context.handleUnexpectedToken(Money.class, parser);
            }
            if (!parser.currentToken().isNumeric()) {
                return (Money) context.handleUnexpectedToken(Money.class, parser);
            }
            return Money.of(parser.getDecimalValue(), currency);
        }
    }

    /**
     * Money in JSON is its amount alone, a plain number, as clients have always read it: the currency
     * travels once, beside the amounts, in the document that holds them.
     */
    static final class MoneySerializer extends StdSerializer<Money> {
        MoneySerializer() {
            super(Money.class);
        }

        @Override
        public void serialize(Money value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeNumber(value.amount());
        }
    }
}
