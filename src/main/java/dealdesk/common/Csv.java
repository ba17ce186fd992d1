package dealdesk.common;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a CSV body with a header row into request records, one a row, with
 * jackson-dataformat-csv. Unknown or missing required columns are a 422 on
 * {@code header}; a malformed row is a 400 naming the row. Rows are numbered
 * from 0 in paths ({@code rows[2].sku}), the line number is in the message.
 */
public final class Csv {
    private static final CsvMapper BINDER = Binding.configure(new CsvMapper());

    private Csv() {
    }

    /**
     * Binds each row to {@code type} (columns named like its components; the required ones must be
     * there, any other is unknown), collecting every cell that does not fit at {@code rows[i].column}
     * instead of stopping at the first. The rows are then checked like the JSON body they stand for.
     */
    public static <T> Rows<T> bind(String body, Class<T> type, Set<String> required) {
        if (body == null || body.isBlank()) {
            throw ApiException.invalid("body", "the CSV body is empty; the first line names the columns");
        }
        Set<String> columns = new java.util.LinkedHashSet<>();
        for (java.lang.reflect.RecordComponent component : type.getRecordComponents()) {
            columns.add(component.getName());
        }
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnReordering(true);
        Binding.Problems problems = new Binding.Problems("rows[0]");
        List<T> rows = new ArrayList<>();
        try (MappingIterator<T> iterator = BINDER.readerFor(type).with(schema).withHandler(problems)
                .with(CsvParser.Feature.TRIM_SPACES).with(CsvParser.Feature.SKIP_EMPTY_LINES)
                .with(CsvParser.Feature.EMPTY_STRING_AS_NULL).with(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS)
                .readValues(body)) {
            CsvSchema header = (CsvSchema) iterator.getParserSchema();
            Validation validation = new Validation();
            List<String> names = new ArrayList<>();
            header.forEach(column -> names.add(column.getName()));
            for (String name : names) {
                validation.require(columns.contains(name), "header", "unknown column " + name);
            }
            for (String name : required) {
                validation.require(names.contains(name), "header", "missing column " + name);
            }
            validation.throwIfInvalid();
            while (iterator.hasNext()) {
                problems.prefix("rows[" + rows.size() + "]");
                rows.add(iterator.next());
            }
        } catch (IOException | RuntimeException e) {
            throw malformed(e, rows.size());
        }
        return new Rows<>(rows, problems.errors());
    }

    /** Bound rows, and what did not fit (to report with the rows' own checks). */
    public record Rows<T>(List<T> rows, List<FieldError> problems) {
    }

    /** A refusal passes through; anything else the CSV reader threw is a 400 at the row it stopped on. */
    private static ApiException malformed(Exception e, int row) {
        if (e instanceof ApiException api) {
            return api;
        }
        String message = e.getMessage() == null ? "malformed CSV" : e.getMessage().lines().findFirst().orElse("");
        return new ApiException(ErrorCode.MALFORMED_REQUEST, "malformed CSV: " + message,
                List.of(new FieldError("rows[" + row + "]", "malformed CSV row (line " + (row + 2) + ")")));
    }
}
