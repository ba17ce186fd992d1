package dealdesk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.testing.MutableClock;
import dealdesk.testing.TestDatabase;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/** Two instances on one database: an activation on one is in force on the other after its next poll, no restart. */
class RuleSetInstancesTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T09:00:00Z"));

    @Test
    void aVersionActivatedOnOneInstanceIsInForceOnTheOtherAfterItsNextPollAndRollsBackTheSameWay() throws Exception {
        Jdbi jdbi = TestDatabase.freshJdbi();
        RuleSetService first = new RuleSetService(jdbi, clock, Path.of("rules"));
        RuleSetService second = new RuleSetService(jdbi, clock, Path.of("rules"));
        long shipped = second.inForce().versionOn(RuleBase.PRICING, LocalDate.parse("2026-12-01"));
        String drl = first.active("pricing").drl() + RuleSetApiTest.TEN_PERCENT_OFF;
        long uploaded = first.create("pricing", drl, "ten percent off", "admin").id();

        first.activate(uploaded, "2026-12-01", "admin");
        Thread.sleep(1_100); // one poll interval: the other instance asks for the newest activation at most once a second

        assertThat(second.inForce().versionOn(RuleBase.PRICING, LocalDate.parse("2026-12-01"))).isEqualTo(uploaded);
        assertThat(second.inForce().versionOn(RuleBase.PRICING, LocalDate.parse("2026-11-30"))).isEqualTo(shipped);
        assertThat(second.inForce().kieBase(RuleBase.PRICING, LocalDate.parse("2026-12-01")).getRule("dealdesk.pricing",
                "Rule set test: ten percent off everything")).isNotNull();

        first.activate(shipped, "2026-12-01", "admin");
        Thread.sleep(1_100);

        assertThat(second.inForce().versionOn(RuleBase.PRICING, LocalDate.parse("2026-12-01"))).isEqualTo(shipped);
    }
}
