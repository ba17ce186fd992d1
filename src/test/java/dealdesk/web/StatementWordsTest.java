package dealdesk.web;

import dealdesk.commission.engine.Statement;
import dealdesk.commission.plan.Match;
import dealdesk.commission.plan.Plan;
import dealdesk.common.Period;
import org.junit.jupiter.api.Test;

import dealdesk.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** "Why this amount" reads like the issue's example, not like the plan file. */
class StatementWordsTest {
    static final Plan PLAN = new Plan("ae", 1, LocalDate.of(2026, 1, 1), Period.Type.QUARTER, Currency.getInstance("USD"),
            Plan.CreditBasis.ACV, new Plan.Rates(new BigDecimal("0.15"), null, List.of()),
            List.of(new Plan.Multiplier(new Match(null, null, "HEALTHCARE", null), new BigDecimal("1.10"))),
            List.of(new Plan.TimingWindow(Plan.Window.LAST_DAYS, 14, new BigDecimal("1.10")),
                    new Plan.TimingWindow(Plan.Window.FIRST_DAYS, 21, new BigDecimal("1.05"))),
            null, List.of(), Plan.Limits.NONE);

    static Statement.Line line(Statement.BandTrace band) {
        Statement.Trace trace = new Statement.Trace(null, "ae@v1", List.of(),
                new Statement.RateTrace(new BigDecimal("0.15"), "baseRate", null),
                List.of(new Statement.Factor("multipliers[0]", "industry=HEALTHCARE", new BigDecimal("1.1")),
                        new Statement.Factor("timing[1]", "closed 2026-10-01 to 2026-10-21", new BigDecimal("1.05"))),
                band, new BigDecimal("10000"), null, Money.of("2598.75", "USD"));
        return new Statement.Line("deal-7-1", Statement.COMMISSION, band == null ? null : band.label(),
                new BigDecimal("10000"), new BigDecimal("0.259875"), Money.of("2598.75", "USD"), trace);
    }

    @Test
    void aHealthcareDealClosedEarlyInTheQuarterAboveQuotaReadsAsTheIssueSays() {
        Statement.BandTrace band = new Statement.BandTrace("1-1.5", "tiers.bands[2]", null, new BigDecimal("1.5"),
                null, null);
        assertThat(StatementWords.why(line(band), PLAN, Period.Type.QUARTER)).isEqualTo(
                "15% base rate, ×1.10 healthcare, ×1.05 closed in the first 21 days of the quarter, band 1.0-1.5 ×1.5");
    }

    @Test
    void theTopBandAndABandThatPaysItsOwnRate() {
        assertThat(StatementWords.why(line(new Statement.BandTrace("1.5+", "b", null, new BigDecimal("2"), null, null)),
                PLAN, Period.Type.QUARTER)).endsWith("band 1.5+ ×2.0");
        assertThat(StatementWords.why(line(new Statement.BandTrace("0-0.5", "b", new BigDecimal("0.05"), null, null, null)),
                PLAN, Period.Type.QUARTER)).endsWith("band 0.0-0.5 at 5%");
    }
}
