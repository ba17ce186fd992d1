package dealdesk.commission.engine;

import dealdesk.commission.engine.Decisions.BandDecision;
import dealdesk.commission.engine.Decisions.ClawbackDecision;
import dealdesk.commission.engine.Decisions.FactorDecision;
import dealdesk.commission.engine.Decisions.RateDecision;
import dealdesk.commission.engine.Decisions.SpifAward;
import dealdesk.commission.engine.Decisions.SpifPayout;
import dealdesk.commission.engine.Decisions.SpifProgress;
import dealdesk.commission.engine.PlanFacts.BandFact;
import dealdesk.commission.engine.PlanFacts.MultiplierFact;
import dealdesk.commission.engine.PlanFacts.ProductRateFact;
import dealdesk.commission.engine.PlanFacts.SpifFact;
import dealdesk.commission.engine.PlanFacts.TimingFact;
import dealdesk.commission.plan.Plan.AwardType;
import dealdesk.commission.plan.Plan.TierMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The same decisions as rules/commission/commission.drl, written in plain
 * Java: the benchmark's baseline and a cross-check of the rule base in the
 * property tests. Rule names match the DRL so traces are identical.
 */
public final class JavaDecider implements Decider {

    @Override
    public Decisions decide(EngineFacts facts) {
        List<RateDecision> rates = new ArrayList<>();
        List<FactorDecision> factors = new ArrayList<>();
        List<BandDecision> bands = new ArrayList<>();
        for (CreditFact credit : facts.credits()) {
            rates.add(rate(facts, credit));
            for (MultiplierFact multiplier : facts.multipliers()) {
                if (multiplier.appliesTo(credit)) {
                    factors.add(new FactorDecision(credit, multiplier.source(), multiplier.match().toString(),
                            multiplier.factor(), "factor: multiplier"));
                }
            }
            for (TimingFact window : facts.timing()) {
                if (window.covers(credit.closeDate())) {
                    factors.add(new FactorDecision(credit, window.source(),
                            "closed " + window.from() + " to " + window.to(), window.factor(), "factor: timing window"));
                }
            }
            bands(facts, credit, bands);
        }

        List<SpifProgress> progress = new ArrayList<>();
        List<SpifPayout> payouts = new ArrayList<>();
        List<SpifAward> awards = new ArrayList<>();
        for (SpifFact spif : facts.spifs()) {
            List<CreditFact> matched = facts.credits().stream().filter(spif::applies).toList();
            BigDecimal units = BigDecimal.ZERO;
            BigDecimal amount = BigDecimal.ZERO;
            for (CreditFact credit : matched) {
                units = units.add(credit.units());
                amount = amount.add(credit.amount());
            }
            SpifProgress spifProgress = new SpifProgress(spif, units, amount, matched.size());
            progress.add(spifProgress);
            AwardType type = spif.awardType();
            if (spifProgress.open()) {
                Set<String> paidDeals = new HashSet<>();
                for (CreditFact credit : matched) {
                    switch (type) {
                        case PER_UNIT -> payouts.add(new SpifPayout(spif, credit, "spif: per unit"));
                        case PERCENT -> payouts.add(new SpifPayout(spif, credit, "spif: percent of amount"));
                        case FLAT -> {
                            // credits are in sequence order, so the first seen is the deal's earliest
                            if (paidDeals.add(credit.dealId())) {
                                payouts.add(new SpifPayout(spif, credit, "spif: flat per deal"));
                            }
                        }
                        default -> { }
                    }
                }
            }
            if ((type == AwardType.THRESHOLD || type == AwardType.NON_CASH) && spifProgress.reached()) {
                awards.add(new SpifAward(spifProgress, "spif: threshold award"));
            }
        }

        List<ClawbackDecision> clawbacks = new ArrayList<>();
        if (facts.clawbackWindow() != null) {
            for (CreditFact credit : facts.credits()) {
                if (credit.cancelledWithin(facts.clawbackWindow().days())) {
                    clawbacks.add(new ClawbackDecision(credit, "clawback: cancelled within window"));
                }
            }
        }
        return new Decisions(rates, factors, bands, progress, payouts, awards, clawbacks);
    }

    private static RateDecision rate(EngineFacts facts, CreditFact credit) {
        for (ProductRateFact productRate : facts.productRates()) {
            if (productRate.appliesTo(credit)) {
                return new RateDecision(credit, productRate.rate(), "rate: product rate", productRate.source());
            }
        }
        return new RateDecision(credit, facts.baseRate().rate(), "rate: base rate", facts.baseRate().source());
    }

    private static void bands(EngineFacts facts, CreditFact credit, List<BandDecision> decisions) {
        if (facts.tierMode() == null) {
            decisions.add(new BandDecision(credit, null, false, "tier: no tiers"));
            return;
        }
        for (BandFact band : facts.bands()) {
            if (facts.tierMode().mode() == TierMode.RETROACTIVE) {
                if (band.coversPosition(facts.tierMode().finalPosition())) {
                    decisions.add(new BandDecision(credit, band, false, "tier: retroactive final band"));
                }
            } else if (credit.zeroWidth()) {
                if (band.coversPosition(credit.start())) {
                    decisions.add(new BandDecision(credit, band, true, "tier: marginal empty credit"));
                }
            } else if (band.overlapsRange(credit.start(), credit.end())) {
                decisions.add(new BandDecision(credit, band, true, "tier: marginal band slice"));
            }
        }
    }
}
