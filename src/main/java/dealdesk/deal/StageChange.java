package dealdesk.deal;

import java.time.Instant;

/** A stage change of a deal: from (null when created), to, who and when. */
public record StageChange(DealStage from, DealStage to, String changedBy, Instant changedAt) {
}
