package dealdesk.common;

/**
 * Text that dealdesk stores or looks up: no NUL and no control characters
 * other than tab, line feed and carriage return (PostgreSQL refuses NUL, and
 * the others only hide things from people reading a page or a log).
 */
public final class Text {
    public static final String REFUSED = "must not contain control characters (such as NUL)";

    private Text() {
    }

    public static boolean hasControlCharacters(CharSequence text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return true;
            }
        }
        return false;
    }
}
