package dealdesk.pricing;

import dealdesk.rules.RuleBases;
import java.nio.file.Path;
import java.util.List;
import org.kie.api.KieBase;

/** Compiles the pricing DRL (through {@link RuleBases}) into the one KieBase that all pricing sessions share. */
public final class PricingRules {
    private static final String FOLDER = "dealdesk/pricing/";

    private PricingRules() {
    }

    /** Reads every {@code *.drl} of a directory (e.g. {@code rules/pricing}), in name order. */
    public static List<RuleSource> read(Path directory) {
        try {
            return RuleBases.read(directory).stream().map(source -> new RuleSource(source.name(), source.text())).toList();
        } catch (RuleBases.CompileException e) {
            throw new RulesCompileException(e.messages());
        }
    }

    public static KieBase load(Path directory) {
        return compile(read(directory));
    }

    /** Compiles DRL sources; any error throws with the compiler's messages. */
    public static KieBase compile(List<RuleSource> sources) {
        try {
            return RuleBases.compile(FOLDER, sources.stream()
                    .map(source -> new RuleBases.Source(source.name(), source.text())).toList());
        } catch (RuleBases.CompileException e) {
            throw new RulesCompileException(e.messages());
        }
    }
}
