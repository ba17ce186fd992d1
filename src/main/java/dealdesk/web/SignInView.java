package dealdesk.web;

/** The sign-in form, with the last error and the username typed (never the password). */
public class SignInView extends Page {
    private final String error;
    private final String typedUsername;
    private final String next;

    SignInView(String error, String typedUsername, String next) {
        super("signin.ftlh", "Sign in", "signin", null, null);
        this.error = error == null ? "" : error;
        this.typedUsername = typedUsername == null ? "" : typedUsername;
        this.next = next == null ? "" : next;
    }

    public String getError() {
        return error;
    }

    public String getTypedUsername() {
        return typedUsername;
    }

    public String getNext() {
        return next;
    }
}
