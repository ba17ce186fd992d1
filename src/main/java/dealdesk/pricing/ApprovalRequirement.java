package dealdesk.pricing;

/**
 * An approval the quote needs, inserted by the approval rules. Two versions
 * of a quote whose requirement has the same level and reason ask the same
 * thing, so an approval already given carries over.
 */
public record ApprovalRequirement(ApprovalLevel level, String reason) {
}
