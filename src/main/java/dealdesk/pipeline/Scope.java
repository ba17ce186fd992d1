package dealdesk.pipeline;

import dealdesk.commission.plan.Plan;
import dealdesk.common.Period;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * Whose figures and when: one user ({@code team} null) or the members of a
 * manager's team, the period, each member's plan in it (absent: none) and
 * the one currency their figures are in.
 */
record Scope(String username, String team, List<String> members, Period period, Map<String, Plan> plans,
             Currency currency) {

    Plan planOf(String member) {
        return plans.get(member);
    }
}
