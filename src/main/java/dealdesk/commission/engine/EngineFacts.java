package dealdesk.commission.engine;

import dealdesk.commission.engine.PlanFacts.BandFact;
import dealdesk.commission.engine.PlanFacts.BaseRateFact;
import dealdesk.commission.engine.PlanFacts.ClawbackWindowFact;
import dealdesk.commission.engine.PlanFacts.MultiplierFact;
import dealdesk.commission.engine.PlanFacts.ProductRateFact;
import dealdesk.commission.engine.PlanFacts.SpifFact;
import dealdesk.commission.engine.PlanFacts.TierModeFact;
import dealdesk.commission.engine.PlanFacts.TimingFact;
import java.util.ArrayList;
import java.util.List;

/** Everything a decider gets for one user and period. tierMode and clawbackWindow may be null. */
public record EngineFacts(
        List<CreditFact> credits,
        BaseRateFact baseRate,
        List<ProductRateFact> productRates,
        List<MultiplierFact> multipliers,
        List<TimingFact> timing,
        TierModeFact tierMode,
        List<BandFact> bands,
        List<SpifFact> spifs,
        ClawbackWindowFact clawbackWindow) {

    public List<Object> all() {
        List<Object> facts = new ArrayList<>(credits.size() + 16);
        facts.addAll(credits);
        if (baseRate != null) {
            facts.add(baseRate);
        }
        facts.addAll(productRates);
        facts.addAll(multipliers);
        facts.addAll(timing);
        if (tierMode != null) {
            facts.add(tierMode);
            facts.addAll(bands);
        }
        facts.addAll(spifs);
        if (clawbackWindow != null) {
            facts.add(clawbackWindow);
        }
        return facts;
    }
}
