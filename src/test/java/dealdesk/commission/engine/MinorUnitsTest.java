package dealdesk.commission.engine;

import static dealdesk.commission.engine.Fixtures.ENGINE;
import static dealdesk.commission.engine.Fixtures.Q4;
import static dealdesk.commission.engine.Fixtures.input;
import static dealdesk.commission.engine.Fixtures.plan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dealdesk.commission.Transaction;
import dealdesk.commission.TransactionParser;
import dealdesk.common.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statement lines round to the currency's own minor unit: yen have none, Bahraini dinars three. */
class MinorUnitsTest {
    private static final String HEADER = "id,dealId,closeDate,sku,family,units,amount,currency,industry,dealType,splits\n";

    private static String planIn(String currency) {
        return """
                id: minor-units
                period: QUARTER
                currency: %s
                creditBasis: AMOUNT
                baseRate: 0.0375
                """.formatted(currency);
    }

    private static List<Transaction> bookings(String rows) {
        return TransactionParser.validate(TransactionParser.fromCsv(HEADER + rows), "rows");
    }

    @Test
    void aYenStatementRoundsEachLineToWholeYen() {
        Statement statement = ENGINE.compute(input(plan(planIn("JPY")), "alice", Q4, null, bookings("""
                T1,D1,2026-10-05,A,CORE,1,1234567,JPY,RETAIL,NEW,alice:100
                T2,D2,2026-11-05,A,CORE,1,10013,JPY,RETAIL,NEW,alice:100
                """)));

        // 1,234,567 x 0.0375 = 46,296.2625 -> 46,296; 10,013 x 0.0375 = 375.4875 -> 375
        assertThat(statement.lines()).extracting(Statement.Line::amount)
                .containsExactly(Money.of("46296", "JPY"), Money.of("375", "JPY"));
        assertThat(statement.totals().earned()).isEqualTo(Money.of("46671", "JPY"));
        assertThat(statement.totals().payable()).isEqualTo(Money.of("46671", "JPY"));
    }

    @Test
    void aDinarStatementRoundsEachLineToThreeDecimals() {
        Statement statement = ENGINE.compute(input(plan(planIn("BHD")), "alice", Q4, null, bookings("""
                T1,D1,2026-10-05,A,CORE,1,12345.678,BHD,RETAIL,NEW,alice:100
                T2,D2,2026-11-05,A,CORE,1,100.014,BHD,RETAIL,NEW,alice:100
                """)));

        // 12,345.678 x 0.0375 = 462.962925 -> 462.963; 100.014 x 0.0375 = 3.750525 -> 3.751
        assertThat(statement.lines()).extracting(Statement.Line::amount)
                .containsExactly(Money.of("462.963", "BHD"), Money.of("3.751", "BHD"));
        assertThat(statement.totals().earned()).isEqualTo(Money.of("466.714", "BHD"));
    }

    @Test
    void aBookingInAnotherCurrencyThanThePlanFailsLoudly() {
        assertThatThrownBy(() -> ENGINE.compute(input(plan(planIn("JPY")), "alice", Q4, null,
                bookings("T1,D1,2026-10-05,A,CORE,1,1000,USD,RETAIL,NEW,alice:100\n"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cannot mix");
    }
}
