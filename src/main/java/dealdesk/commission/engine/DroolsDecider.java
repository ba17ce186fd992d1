package dealdesk.commission.engine;

import dealdesk.commission.engine.Decisions.BandDecision;
import dealdesk.commission.engine.Decisions.ClawbackDecision;
import dealdesk.commission.engine.Decisions.FactorDecision;
import dealdesk.commission.engine.Decisions.RateDecision;
import dealdesk.commission.engine.Decisions.SpifAward;
import dealdesk.commission.engine.Decisions.SpifPayout;
import dealdesk.commission.engine.Decisions.SpifProgress;
import dealdesk.rules.RuleBases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * The commission rule base: one KieBase compiled from rules/commission/*.drl,
 * shared across threads; a new session per user and period with every fact
 * inserted at once.
 */
public final class DroolsDecider implements Decider {
    /** The DRL package's folder, so the compiler finds package and folder in step. */
    private static final String RULES_FOLDER = "dealdesk/commission/rules/";
    private static final int FIRINGS_PER_FACT = 256;

    private final KieBase kieBase;
    /** Sessions are reset and reused on dispose: cheaper than building one per statement. */
    private final KieSessionsPool sessions;

    private DroolsDecider(KieBase kieBase) {
        this.kieBase = kieBase;
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 2);
    }

    public KieBase kieBase() {
        return kieBase;
    }

    /** A decider on a rule base compiled elsewhere (a rule set version). */
    public static DroolsDecider of(KieBase kieBase) {
        return new DroolsDecider(kieBase);
    }

    /** Compiles every .drl in {@code directory}; a compile error fails with the compiler's messages. */
    public static DroolsDecider fromDirectory(Path directory) {
        List<RuleBases.Source> sources = RuleBases.read(directory);
        if (sources.isEmpty()) {
            throw new IllegalStateException("no commission rules (*.drl) in " + directory.toAbsolutePath());
        }
        return new DroolsDecider(RuleBases.compile(RULES_FOLDER, sources));
    }

    /** Compiles DRL sources by file name; a compile error fails with the compiler's messages. */
    public static DroolsDecider fromSources(Map<String, String> drlByFileName) {
        List<RuleBases.Source> sources = new ArrayList<>();
        drlByFileName.forEach((name, text) -> sources.add(new RuleBases.Source(name, text)));
        return new DroolsDecider(RuleBases.compile(RULES_FOLDER, sources));
    }

    @Override
    public Decisions decide(EngineFacts facts) {
        KieSession session = sessions.newKieSession();
        try {
            for (Object fact : facts.all()) {
                session.insert(fact);
            }
            // a safety net against uploaded rules that keep activating each other: far above any real statement
            int limit = (facts.credits().size() + 16) * FIRINGS_PER_FACT;
            if (session.fireAllRules(limit) >= limit) {
                throw new dealdesk.common.ApiException(dealdesk.common.ErrorCode.RULES_INVALID,
                        "the commission rules did not settle after " + limit + " firings");
            }
            List<RateDecision> rates = new ArrayList<>();
            List<FactorDecision> factors = new ArrayList<>();
            List<BandDecision> bands = new ArrayList<>();
            List<SpifProgress> progress = new ArrayList<>();
            List<SpifPayout> payouts = new ArrayList<>();
            List<SpifAward> awards = new ArrayList<>();
            List<ClawbackDecision> clawbacks = new ArrayList<>();
            for (Object fact : session.getObjects()) {
                if (fact instanceof RateDecision decision) {
                    rates.add(decision);
                } else if (fact instanceof FactorDecision decision) {
                    factors.add(decision);
                } else if (fact instanceof BandDecision decision) {
                    bands.add(decision);
                } else if (fact instanceof SpifProgress decision) {
                    progress.add(decision);
                } else if (fact instanceof SpifPayout decision) {
                    payouts.add(decision);
                } else if (fact instanceof SpifAward decision) {
                    awards.add(decision);
                } else if (fact instanceof ClawbackDecision decision) {
                    clawbacks.add(decision);
                }
            }
            return new Decisions(rates, factors, bands, progress, payouts, awards, clawbacks);
        } finally {
            session.dispose();
        }
    }
}
