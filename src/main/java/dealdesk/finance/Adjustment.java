package dealdesk.finance;

import dealdesk.commission.engine.Statement.AdjustmentLine;
import dealdesk.common.Money;
import java.time.Instant;

/**
 * An amount added to (or taken from) a rep's open statement, with the reason a
 * rep reads, in the currency of the rep's plan (JSON: a plain number). sourcePeriod names the closed period a PRIOR_PERIOD adjustment
 * corrects; disputeId the dispute whose resolution posted it.
 */
public record Adjustment(long id, String username, String period, AdjustmentKind kind, Money amount,
                         String reason, String sourcePeriod, Long disputeId, Posted posted) {

    /** Who posted it and when. */
    public record Posted(String by, Instant at) {
    }

    /** The adjustment as a line of its statement (in the currency of the rep's plan, which it was posted in). */
    public AdjustmentLine line() {
        return new AdjustmentLine(id, kind.name(), amount, reason, sourcePeriod);
    }
}
