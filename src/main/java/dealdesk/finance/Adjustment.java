package dealdesk.finance;

import dealdesk.commission.engine.Statement.AdjustmentLine;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/**
 * An amount added to (or taken from) a rep's open statement, with the reason a
 * rep reads. sourcePeriod names the closed period a PRIOR_PERIOD adjustment
 * corrects; disputeId the dispute whose resolution posted it.
 */
public record Adjustment(long id, String username, String period, AdjustmentKind kind, BigDecimal amount,
                         String reason, String sourcePeriod, Long disputeId, Posted posted) {

    /** Who posted it and when. */
    public record Posted(String by, Instant at) {
    }

    /** The adjustment as a line of a statement in {@code currency} (the rep's plan's, which it was posted in). */
    public AdjustmentLine line(Currency currency) {
        return new AdjustmentLine(id, kind.name(), Money.of(amount, currency), reason, sourcePeriod);
    }
}
