package dealdesk.commission;

import java.time.Instant;
import java.time.LocalDate;

/** A stored plan document: versions count from 1; the newest version effective by a period's end applies. */
public record PlanVersion(String id, int version, LocalDate effectiveFrom, String document, String createdBy,
                          Instant createdAt) {
}
