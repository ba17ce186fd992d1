package dealdesk.quote;

/** The body of approve and reject: the version decided on (optional; stale is a 409) and a comment. */
public record ApprovalDecision(Integer version, String comment) {
}
