package dealdesk.rules;

import java.util.List;
import java.util.regex.Pattern;

/** The DRL files of a rule base's folder as one rule-set text: one package line, then each file's body. */
public final class RuleFiles {
    private static final Pattern PACKAGE = Pattern.compile("(?m)^\\s*package\\s+[\\w.]+\\s*;?\\s*$");

    private RuleFiles() {
    }

    public static String merge(List<String> texts) {
        StringBuilder merged = new StringBuilder();
        for (int i = 0; i < texts.size(); i++) {
            String text = texts.get(i);
            if (i > 0) {
                // the first file's package line stands for all of them
                text = PACKAGE.matcher(text).replaceFirst("");
                merged.append('\n');
            }
            merged.append(text.strip()).append('\n');
        }
        return merged.toString();
    }
}
