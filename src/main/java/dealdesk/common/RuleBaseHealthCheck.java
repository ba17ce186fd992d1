package dealdesk.common;

import com.codahale.metrics.health.HealthCheck;
import org.kie.api.KieBase;

/** Healthy while a compiled rule base is loaded; reports how many rules it holds. */
public class RuleBaseHealthCheck extends HealthCheck {
    private final KieBase kieBase;

    public RuleBaseHealthCheck(KieBase kieBase) {
        this.kieBase = kieBase;
    }

    @Override
    protected Result check() {
        int rules = kieBase.getKiePackages().stream().mapToInt(pkg -> pkg.getRules().size()).sum();
        return rules > 0 ? Result.healthy(rules + " rules compiled")
                : Result.unhealthy("the rule base has no rules");
    }
}
