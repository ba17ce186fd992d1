package dealdesk.deal;

import dealdesk.auth.Role;
import dealdesk.auth.User;
import dealdesk.auth.UserService;
import java.util.List;

/**
 * Who may see and change a deal and its quotes: its owner, the owner's
 * manager, finance and admins; users with a credit split may see it.
 */
public final class DealAccess {
    private DealAccess() {
    }

    public static boolean canSee(User viewer, String owner, List<CreditSplit> splits, UserService users) {
        return canEdit(viewer, owner, users)
                || splits.stream().anyMatch(split -> split.username().equals(viewer.username()));
    }

    public static boolean canEdit(User viewer, String owner, UserService users) {
        if (viewer.role() == Role.FINANCE || viewer.role() == Role.ADMIN || viewer.username().equals(owner)) {
            return true;
        }
        return viewer.role() == Role.MANAGER
                && users.find(owner).map(user -> viewer.username().equals(user.manager())).orElse(false);
    }

    /** Who may confirm a booking its own rep made: the rep's manager, finance and admins, never the rep. */
    public static boolean canConfirmBooking(User viewer, String owner, UserService users) {
        if (viewer.role() == Role.FINANCE || viewer.role() == Role.ADMIN) {
            return true;
        }
        return viewer.role() == Role.MANAGER && !viewer.username().equals(owner)
                && users.find(owner).map(user -> viewer.username().equals(user.manager())).orElse(false);
    }
}
