package dealdesk.proposal;

import java.util.Map;
import java.util.Properties;

/** The labels and texts of one locale, falling back to English for a key the locale lacks. */
public final class Messages {
    private final String locale;
    private final Properties texts;
    private final Properties fallback;

    Messages(String locale, Properties texts, Properties fallback) {
        this.locale = locale;
        this.texts = texts;
        this.fallback = fallback;
    }

    public String locale() {
        return locale;
    }

    public String get(String key) {
        String text = texts.getProperty(key);
        if (text == null) {
            text = fallback.getProperty(key);
        }
        return text == null ? key : text;
    }

    /** The text with each {name} replaced by its value. */
    String get(String key, Map<String, String> values) {
        String text = get(key);
        for (Map.Entry<String, String> value : values.entrySet()) {
            text = text.replace("{" + value.getKey() + "}", value.getValue());
        }
        return text;
    }
}
