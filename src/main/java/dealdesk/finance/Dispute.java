package dealdesk.finance;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A rep's question about a statement line (or a deal they say is missing):
 * OPEN until finance resolves it ADJUSTED, NO_CHANGE or REJECTED.
 */
public record Dispute(long id, String username, String period, String transactionId, String reason,
                      BigDecimal expectedAmount, String status, List<Comment> comments, Resolution resolution,
                      String createdBy, Instant createdAt) {

    public static final String OPEN = "OPEN";

    public record Comment(long id, String author, String text, Instant createdAt) {
    }

    /** amount is set for ADJUSTED only; adjustmentId the adjustment it posted. */
    public record Resolution(String resolution, BigDecimal amount, String reason, String by, Instant at,
                             Long adjustmentId) {
    }

    public Dispute withComments(List<Comment> newComments) {
        return new Dispute(id, username, period, transactionId, reason, expectedAmount, status, newComments, resolution,
                createdBy, createdAt);
    }
}
