package dealdesk.rules;

import dealdesk.commission.engine.CommissionEngine;
import dealdesk.commission.engine.Decider;
import dealdesk.commission.engine.DroolsDecider;
import dealdesk.common.Period;
import dealdesk.pricing.PricingEngine;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.kie.api.KieBase;

/** The engines of the rules in force, one per rule set version, built once each. */
public final class RuleSetEngines {
    private RuleSetEngines() {
    }

    /** The commission decider of the rules in force for a period: those activated by its first day. */
    public static Function<Period, Decider> commission(RuleSetService ruleSets) {
        Map<KieBase, Decider> deciders = new ConcurrentHashMap<>();
        return period -> deciders.computeIfAbsent(ruleSets.inForce().kieBase(RuleBase.COMMISSION, period.start()),
                DroolsDecider::of);
    }

    /** The commission engine of the rules in force for each period. */
    public static CommissionEngine commissionEngine(RuleSetService ruleSets, Clock clock) {
        Function<Period, Decider> deciders = commission(ruleSets);
        return new CommissionEngine(DroolsDecider.of(ruleSets.inForce().kieBase(RuleBase.COMMISSION, LocalDate.now(clock))),
                deciders);
    }

    /** The pricing engine of the pricing rules in force today. */
    public static Supplier<PricingEngine> pricing(RuleSetService ruleSets, Clock clock) {
        Map<KieBase, PricingEngine> engines = new ConcurrentHashMap<>();
        return () -> engines.computeIfAbsent(ruleSets.inForce().kieBase(RuleBase.PRICING, LocalDate.now(clock)),
                PricingEngine::new);
    }
}
