package dealdesk.rules;

import dealdesk.common.ApiException;
import dealdesk.common.ErrorCode;
import dealdesk.common.FieldError;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.Message;
import org.kie.api.builder.Results;
import org.kie.api.io.ResourceType;
import org.kie.internal.utils.KieHelper;

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
        KieHelper helper = new KieHelper();
        helper.addResource(KieServices.get().getResources()
                .newByteArrayResource(drl.getBytes(StandardCharsets.UTF_8))
                .setSourcePath(base.drlPackage().replace('.', '/') + "/ruleset.drl")
                .setResourceType(ResourceType.DRL));
        Results results = helper.verify();
        if (results.hasMessages(Message.Level.ERROR)) {
            List<FieldError> errors = results.getMessages(Message.Level.ERROR).stream()
                    .map(message -> new FieldError("drl", "line " + Math.max(message.getLine(), 1) + ", column "
                            + Math.max(message.getColumn(), 1) + ": " + message.getText().strip()))
                    .distinct()
                    .toList();
            throw new ApiException(ErrorCode.RULES_INVALID, "the rules do not compile: " + errors.get(0).message(),
                    errors);
        }
        KieBase kieBase = helper.build();
        int rules = kieBase.getKiePackages().stream().mapToInt(pkg -> pkg.getRules().size()).sum();
        if (rules == 0) {
            throw new ApiException(ErrorCode.RULES_INVALID, "the text holds no rules",
                    List.of(new FieldError("drl", "line 1, column 1: the text holds no rules")));
        }
        return kieBase;
    }
}
