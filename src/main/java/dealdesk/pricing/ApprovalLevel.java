package dealdesk.pricing;

/** Who must approve: the owner's manager, the deal desk (finance users), or finance. */
public enum ApprovalLevel { MANAGER, DEAL_DESK, FINANCE }
