package dealdesk.quote;

/**
 * DRAFT -> PENDING_APPROVAL -> APPROVED -> PRESENTED -> ACCEPTED, or REJECTED
 * (by an approver) / EXPIRED. A quote that needs no approval goes from DRAFT
 * straight to APPROVED on submit; changing a submitted quote makes a new
 * version in DRAFT.
 */
public enum QuoteStatus { DRAFT, PENDING_APPROVAL, APPROVED, PRESENTED, ACCEPTED, REJECTED, EXPIRED }
