package dealdesk.rules;

import com.codahale.metrics.health.HealthCheck;
import java.time.Clock;
import java.time.LocalDate;
import org.kie.api.KieBase;

/** Healthy while the rule set in force today is compiled and holds rules; says which version it is. */
public class RuleBaseHealthCheck extends HealthCheck {
    private final RulesInForce rules;
    private final RuleBase base;
    private final Clock clock;

    public RuleBaseHealthCheck(RulesInForce rules, RuleBase base, Clock clock) {
        this.rules = rules;
        this.base = base;
        this.clock = clock;
    }

    @Override
    protected Result check() {
        LocalDate today = LocalDate.now(clock);
        KieBase kieBase = rules.kieBase(base, today);
        int count = kieBase.getKiePackages().stream().mapToInt(pkg -> pkg.getRules().size()).sum();
        long version = rules.versionOn(base, today);
        return count > 0 ? Result.healthy(count + " " + base.label() + " rules compiled (rule set " + version + ")")
                : Result.unhealthy("the " + base.label() + " rule set " + version + " has no rules");
    }
}
