package dealdesk.commission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dealdesk.commission.api.TransactionRequest;
import dealdesk.common.ApiException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An imported booking's close date is an ISO date from 2000 on: the probe's far years were 500s from PostgreSQL. */
class TransactionCloseDateTest {

    @Test
    void yearsPostgreSQLCannotHoldAndDatesBefore2000AreRefusedOnTheirPath() {
        for (String closeDate : List.of("+999999999-12-31", "-000100-01-01", "1999-12-31", "20261201", "2026-02-30")) {
            assertThatThrownBy(() -> TransactionParser.validate(List.of(booking(closeDate))))
                    .as(closeDate).isInstanceOfSatisfying(ApiException.class, e ->
                            assertThat(e.details()).extracting(detail -> detail.path()).containsExactly("[0].closeDate"));
        }
        assertThat(TransactionParser.validate(List.of(booking("2026-11-05")))).hasSize(1);
    }

    private static TransactionRequest booking(String closeDate) {
        return new TransactionRequest("T-1", "D-1", closeDate, "A", "CORE", BigDecimal.ONE, new BigDecimal("1000"), "USD",
                "RETAIL", "NEW", List.of(new TransactionRequest.SplitRequest("alice", new BigDecimal("100"))), null, null);
    }
}
