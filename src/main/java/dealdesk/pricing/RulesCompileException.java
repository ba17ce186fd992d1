package dealdesk.pricing;

import java.util.List;

/** DRL that does not compile, with the compiler's messages; stops start-up. */
public class RulesCompileException extends RuntimeException {
    private final List<String> messages;

    public RulesCompileException(List<String> messages) {
        super("pricing rules do not compile:\n" + String.join("\n", messages));
        this.messages = List.copyOf(messages);
    }

    public List<String> messages() {
        return messages;
    }
}
