package dealdesk.rules;

import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.FieldError;
import java.util.List;
import java.util.UUID;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.Results;

/**
 * Checks a rule text in the {@link RuleSandbox}, then compiles it into a rule base. Nothing of
 * the text is compiled unless the sandbox allowed all of it; a problem of either step is a 422
 * whose details name the line and column.
 */
public final class RuleCompiler {
    private RuleCompiler() {
    }

    /** The sandbox's and then the compiler's complaints; empty when the text compiles. */
    public static KieBase compile(RuleBase base, String drl) {
        if (drl == null || drl.isBlank()) {
            throw ApiException.invalid("drl", "drl is required: the rule text of the whole " + base.label() + " base");
        }
        List<FieldError> refused = RuleSandbox.of(base).check(drl);
        if (!refused.isEmpty()) {
            throw new ApiException(ErrorCode.RULES_INVALID, "the rules use something rules may not: "
                    + refused.get(0).message(), refused);
        }
        // compiled once (KieHelper's verify-then-build compiles twice), under a release id of its own
        KieServices services = KieServices.get();
        ReleaseId releaseId = services.newReleaseId("dealdesk.rules", base.label() + "-" + UUID.randomUUID(), "1");
        KieFileSystem files = services.newKieFileSystem().generateAndWritePomXML(releaseId);
        files.write("src/main/resources/" + base.drlPackage().replace('.', '/') + "/ruleset.drl", drl);
        Results results = services.newKieBuilder(files).buildAll().getResults();
        if (results.hasMessages(Message.Level.ERROR)) {
            List<FieldError> errors = results.getMessages(Message.Level.ERROR).stream()
                    .map(message -> new FieldError("drl", "line " + Math.max(message.getLine(), 1) + ", column "
                            + Math.max(message.getColumn(), 1) + ": " + message.getText().strip()))
                    .distinct()
                    .toList();
            services.getRepository().removeKieModule(releaseId);
            throw new ApiException(ErrorCode.RULES_INVALID, "the rules do not compile: " + errors.get(0).message(),
                    errors);
        }
        KieBase kieBase = services.newKieContainer(releaseId).getKieBase();
        services.getRepository().removeKieModule(releaseId);
        int rules = kieBase.getKiePackages().stream().mapToInt(pkg -> pkg.getRules().size()).sum();
        if (rules == 0) {
            throw new ApiException(ErrorCode.RULES_INVALID, "the text holds no rules",
                    List.of(new FieldError("drl", "line 1, column 1: the text holds no rules")));
        }
        return kieBase;
    }
}
