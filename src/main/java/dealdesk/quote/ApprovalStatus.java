package dealdesk.quote;

/** Where one asked-for approval stands. */
public enum ApprovalStatus { PENDING, APPROVED, REJECTED }
