package dealdesk.commission.engine;

import dealdesk.commission.engine.Decisions.BandDecision;
import dealdesk.commission.engine.Decisions.ClawbackDecision;
import dealdesk.commission.engine.Decisions.FactorDecision;
import dealdesk.commission.engine.Decisions.RateDecision;
import dealdesk.commission.engine.Decisions.SpifAward;
import dealdesk.commission.engine.Decisions.SpifPayout;
import dealdesk.commission.engine.Decisions.SpifProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import org.kie.api.KieServices;
import org.kie.api.io.KieResources;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kie.api.KieBase;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.internal.utils.KieHelper;

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
        List<Path> files;
        try (Stream<Path> listing = Files.list(directory)) {
            files = listing.filter(file -> file.toString().endsWith(".drl")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read commission rules in " + directory.toAbsolutePath(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("no commission rules (*.drl) in " + directory.toAbsolutePath());
        }
        Map<String, String> sources = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                sources.put(file.getFileName().toString(), Files.readString(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return fromSources(sources);
    }

    /** Compiles DRL sources by file name; a compile error fails with the compiler's messages. */
    public static DroolsDecider fromSources(Map<String, String> drlByFileName) {
        KieHelper helper = new KieHelper();
        KieResources resources = KieServices.get().getResources();
        drlByFileName.forEach((name, source) -> helper.addResource(resources
                .newByteArrayResource(source.getBytes(StandardCharsets.UTF_8))
                .setSourcePath(RULES_FOLDER + name)
                .setResourceType(ResourceType.DRL)));
        Results results = helper.verify();
        if (results.hasMessages(Message.Level.ERROR)) {
            String messages = results.getMessages(Message.Level.ERROR).stream()
                    .map(message -> message.getPath() + ":" + message.getLine() + ": " + message.getText())
                    .collect(Collectors.joining("\n"));
            throw new IllegalStateException("commission rules do not compile:\n" + messages);
        }
        return new DroolsDecider(helper.build());
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
