package dealdesk.common;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

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
        mapper.registerModule(new SimpleModule("dealdesk-money").addSerializer(Money.class, new MoneySerializer()));
        return mapper;
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
