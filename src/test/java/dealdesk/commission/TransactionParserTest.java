package dealdesk.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dealdesk.commission.api.TransactionRequest;
import dealdesk.common.ApiException;
import dealdesk.common.FieldError;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CSV rows bind to the JSON body's records and share its checks: every problem, each at rows[i].field. */
class TransactionParserTest {
    private static final String HEADER = "id,closeDate,amount,currency,splits,units\n";

    @Test
    void aCsvRowBindsToTheSameRequestAsJson() {
        List<TransactionRequest> rows = TransactionParser.fromCsv(HEADER + "T1,2026-11-02,1200.50,USD,alice:70;bob:30,3\n");

        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.id()).isEqualTo("T1");
            assertThat(row.amount()).isEqualByComparingTo("1200.50");
            assertThat(row.units()).isEqualByComparingTo("3");
            assertThat(row.splits()).containsExactly(new TransactionRequest.SplitRequest("alice", new java.math.BigDecimal("70")),
                    new TransactionRequest.SplitRequest("bob", new java.math.BigDecimal("30")));
        });
        assertThat(TransactionParser.validate(rows, "rows")).singleElement()
                .satisfies(transaction -> assertThat(transaction.closeDate()).hasToString("2026-11-02"));
    }

    @Test
    void everyBadCellOfEveryRowIsReportedAtItsRow() {
        List<FieldError> errors = errors(HEADER
                + "T1,2026-11-02,12x,USD,alice:100,\n"
                + "T2,02/11/2026,100,ZZZ,alice=100,1e400\n"
                + "T3,2026-11-02,-5,USD,alice:60;bob:30,\n"
                + ",2026-11-02,5,USD,alice:100,\n");

        assertThat(errors).extracting(FieldError::path).containsExactlyInAnyOrder("rows[0].amount",
                "rows[1].closeDate", "rows[1].currency", "rows[1].splits", "rows[1].units", "rows[2].amount",
                "rows[2].splits", "rows[3].id");
        assertThat(message(errors, "rows[0].amount")).isEqualTo("amount must be a number, not 12x");
        assertThat(message(errors, "rows[1].splits")).isEqualTo("splits are written like alice:70;bob:30, not alice=100");
        assertThat(message(errors, "rows[1].currency")).isEqualTo("unknown currency ZZZ");
        assertThat(message(errors, "rows[1].units")).isEqualTo("must be below 1,000,000,000, not 1E+400");
        assertThat(message(errors, "rows[2].amount")).isEqualTo("amount must not be negative; cancel the deal to claw back");
        assertThat(message(errors, "rows[2].splits")).isEqualTo("splits must sum to 100, not 90");
    }

    @Test
    void jsonRequestsGetTheSameChecksWithoutThePrefix() {
        ApiException error = catchThrowableOfType(ApiException.class, () -> TransactionParser.validate(List.of(
                new TransactionRequest("T1", null, "2026-11-02", null, null, null, new java.math.BigDecimal("-5"),
                        "USD", null, null, List.of(new TransactionRequest.SplitRequest("alice", new java.math.BigDecimal("100.00001"))),
                        null, null))));

        assertThat(error.details()).extracting(FieldError::path).containsExactly("[0].amount", "[0].splits[0].percent");
    }

    @Test
    void aNulInACellIsRefusedAtItsCell() {
        assertThat(errors(HEADER + "T1,2026-11-02,5,USD,alice:100,\nT\u0000X,2026-11-02,5,USD,alice:100,\n"))
                .extracting(FieldError::path).containsExactly("rows[1].id");
    }

    @Test
    void aValueThatLooksLikeAnExpressionIsShownAsWrittenNotEvaluated() {
        assertThat(errors(HEADER + "T1,2026-11-02,5,${7*7}{value},alice:100,\n")).singleElement()
                .isEqualTo(new FieldError("rows[0].currency", "unknown currency ${7*7}{value}"));
    }

    @Test
    void unknownAndMissingColumnsAreAHeaderProblem() {
        assertThat(errors("id,closeDate,amount,currency,colour\nT1,2026-11-02,5,USD,red\n"))
                .extracting(FieldError::path).containsExactly("header");
    }

    private static String message(List<FieldError> errors, String path) {
        return errors.stream().filter(error -> error.path().equals(path)).findFirst().orElseThrow().message();
    }

    private static List<FieldError> errors(String csv) {
        ApiException error = catchThrowableOfType(ApiException.class,
                () -> TransactionParser.validate(TransactionParser.fromCsv(csv), "rows"));
        assertThat(error).as("expected the import to be refused").isNotNull();
        assertThat(error.code().status()).isEqualTo(422);
        return error.details();
    }
}
