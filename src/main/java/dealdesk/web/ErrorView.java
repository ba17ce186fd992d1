package dealdesk.web;

import dealdesk.auth.User;

/** A page that could not be shown: not found, not yours, or not valid. */
public class ErrorView extends Page {
    private final int status;
    private final String message;

    ErrorView(User user, int status, String message) {
        super("error.ftlh", status == 404 ? "Not found" : status == 403 ? "Not allowed" : "Cannot show this page",
                "", user, null);
        this.status = status;
        this.message = message == null ? "" : message;
    }

    public int getStatus() {
        return status;
    }

    public String getMessage() {
        return message;
    }
}
