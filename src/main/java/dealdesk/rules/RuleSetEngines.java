package dealdesk.rules;

import dealdesk.pricing.PricingEngine;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.kie.api.KieBase;

/** The engines of the rules in force, one per rule set version, built once each. */
public final class RuleSetEngines {
    private RuleSetEngines() {
    }

    /** The pricing engine of the pricing rules in force today. */
    public static Supplier<PricingEngine> pricing(RuleSetService ruleSets, Clock clock) {
        Map<KieBase, PricingEngine> engines = new ConcurrentHashMap<>();
        return () -> engines.computeIfAbsent(ruleSets.kieBase(RuleBase.PRICING, LocalDate.now(clock)),
                PricingEngine::new);
    }
}
