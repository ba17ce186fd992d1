package dealdesk.pipeline;

import dealdesk.auth.Role;
import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.commission.PlanLookup;
import dealdesk.commission.plan.Plan;
import dealdesk.common.ApiException;
import dealdesk.common.Period;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns {@code ?username=&team=&period=} into a {@link Scope}, with the same
 * access as statements: a rep their own figures, a manager their team's,
 * finance and admins anyone's. The period defaults to the one the plan pays
 * by that contains today.
 */
final class ScopeResolver {
    private final UserService users;
    private final PlanLookup plans;
    private final Clock clock;
    private final Currency defaultCurrency;

    ScopeResolver(UserService users, PlanLookup plans, Clock clock, Currency defaultCurrency) {
        this.users = users;
        this.plans = plans;
        this.clock = clock;
        this.defaultCurrency = defaultCurrency;
    }

    Scope resolve(User viewer, String username, String team, String periodText) {
        if (username != null && team != null) {
            throw ApiException.invalid("team", "give username or team, not both");
        }
        List<String> members;
        String subject = null;
        if (team != null) {
            if (!viewer.seesAllMoney() && !(viewer.role() == Role.MANAGER && viewer.username().equals(team))) {
                throw ApiException.forbidden("you may not see the figures of " + team + "'s team");
            }
            users.find(team).orElseThrow(() -> ApiException.invalid("team", "unknown manager " + team));
            members = users.team(team).stream().map(User::username).toList();
        } else {
            subject = username == null || username.isBlank() ? viewer.username() : username;
            users.requireCanSeeMoneyOf(viewer, subject);
            members = List.of(subject);
        }
        LocalDate today = LocalDate.now(clock);
        Period period = periodText == null || periodText.isBlank() ? defaultPeriod(members, today) : Period.parse(periodText);
        Map<String, Plan> plans = new LinkedHashMap<>();
        for (String member : members) {
            planIn(member, period).ifPresent(plan -> plans.put(member, plan));
        }
        TreeSet<String> currencies = new TreeSet<>();
        plans.values().forEach(plan -> currencies.add(plan.currency().getCurrencyCode()));
        if (currencies.size() > 1) {
            throw ApiException.invalid("team", "the team is paid in " + String.join(", ", currencies)
                    + ": ask for each member's pipeline with ?username=");
        }
        Currency currency = currencies.isEmpty() ? defaultCurrency : Currency.getInstance(currencies.first());
        return new Scope(subject, team, members, period, plans, currency);
    }

    private Period defaultPeriod(List<String> members, LocalDate today) {
        for (String member : members) {
            Optional<Plan> plan = plans.on(member, today);
            if (plan.isPresent()) {
                return Period.containing(plan.get().period(), today);
            }
        }
        return Period.containing(Period.Type.QUARTER, today);
    }

    private Optional<Plan> planIn(String member, Period period) {
        Optional<Plan> plan = plans.on(member, period.end());
        return plan.isPresent() ? plan : plans.on(member, period.start());
    }
}
