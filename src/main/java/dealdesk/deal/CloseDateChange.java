package dealdesk.deal;

import java.time.Instant;
import java.time.LocalDate;

/** A change of a deal's expected close date: from, to, who and when. */
public record CloseDateChange(LocalDate from, LocalDate to, String changedBy, Instant changedAt) {

    /** The date moved later: the deal slipped. */
    public boolean pushed() {
        return to.isAfter(from);
    }
}
