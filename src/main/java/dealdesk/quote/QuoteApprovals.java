package dealdesk.quote;

import dealdesk.auth.Role;
import dealdesk.auth.User;
import dealdesk.pricing.ApprovalLevel;
import dealdesk.pricing.ApprovalRequirement;
import java.util.List;

/** Who decides which approval, and what a submitted version asks for given what earlier versions got. */
final class QuoteApprovals {
    private QuoteApprovals() {
    }

    /**
     * Records the approvals a submitted version needs: one an earlier version got for the same level, metric
     * and threshold at a figure at least as high carries over (remembering the version that got it); the
     * rest are PENDING. Returns whether any is pending.
     */
    static boolean ask(QuoteDao dao, long quoteId, int version, List<ApprovalRequirement> required) {
        List<QuoteApproval> granted = dao.approvedSoFar(quoteId);
        boolean pending = false;
        for (ApprovalRequirement requirement : required) {
            QuoteApproval earlier = granted.stream().filter(approval -> approval.covers(requirement))
                    .findFirst().orElse(null);
            if (earlier != null) {
                dao.insertApproval(quoteId, version, requirement, ApprovalStatus.APPROVED,
                        earlier.decidedBy(), earlier.decidedAt(), earlier.comment(),
                        earlier.carriedFrom() != null ? earlier.carriedFrom() : earlier.version());
            } else {
                dao.insertApproval(quoteId, version, requirement, ApprovalStatus.PENDING, null, null, null, null);
                pending = true;
            }
        }
        return pending;
    }

    /**
     * MANAGER approvals belong to the owner's manager; DEAL_DESK to finance or
     * admins; FINANCE to finance. Nobody approves their own quote.
     */
    static boolean mayDecide(User approver, ApprovalLevel level, String owner, String ownerManager) {
        if (approver.username().equals(owner)) {
            return false;
        }
        return switch (level) {
            case MANAGER -> approver.role() == Role.MANAGER && approver.username().equals(ownerManager);
            case DEAL_DESK -> approver.role() == Role.FINANCE || approver.role() == Role.ADMIN;
            case FINANCE -> approver.role() == Role.FINANCE;
        };
    }
}
