package dealdesk.common;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    @Test
    void quarterFourOf2026RunsFromOctoberFirstToDecemberThirtyFirst() {
        Period q4 = Period.parse("2026-Q4");
        assertThat(q4.start()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(q4.end()).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(q4.contains(LocalDate.of(2026, 12, 31))).isTrue();
        assertThat(q4.contains(LocalDate.of(2027, 1, 1))).isFalse();
        assertThat(q4.next()).hasToString("2027-Q1");
        assertThat(q4.previous()).hasToString("2026-Q3");
    }

    @Test
    void monthAndYearPeriodsParseAndPrintTheSame() {
        assertThat(Period.parse("2026-02").end()).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(Period.parse("2026")).hasToString("2026");
        assertThat(Period.parse("2026-11")).hasToString("2026-11");
        assertThat(Period.containing(Period.Type.QUARTER, LocalDate.of(2026, 5, 17))).hasToString("2026-Q2");
    }

    @Test
    void nonsensePeriodsAreRejectedOnThePeriodField() {
        for (String text : new String[] {"2026-Q5", "2026-13", "26", "Q4", "", "2026-Q0"}) {
            assertThatThrownBy(() -> Period.parse(text)).isInstanceOf(ApiException.class)
                    .satisfies(e -> assertThat(((ApiException) e).details().get(0).path()).isEqualTo("period"));
        }
    }
}
