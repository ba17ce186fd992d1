package dealdesk.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The demo's own time: demo deals move through their stages on the days the story says. */
final class DemoClock extends Clock {
    private volatile Instant now = Instant.parse("2026-10-01T09:00:00Z");

    /** Nine in the morning, UTC, on a day like 2026-10-01. */
    void at(String day) {
        now = LocalDate.parse(day).atTime(9, 0).toInstant(ZoneOffset.UTC);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }
}
