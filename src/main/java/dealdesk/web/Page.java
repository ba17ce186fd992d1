package dealdesk.web;

import dealdesk.auth.User;
import io.dropwizard.views.common.View;

import java.nio.charset.StandardCharsets;

/**
 * What every page shows: the title, who is signed in, and the bearer token
 * the page's script sends in the Authorization header (rendered into a data
 * attribute; the page is served no-store under a strict CSP).
 */
public abstract class Page extends View {
    private final String title;
    private final String nav;
    private final User user;
    private final String token;
    private String csrf = "";

    protected Page(String template, String title, String nav, User user, String token) {
        super("/web/" + template, StandardCharsets.UTF_8);
        this.title = title;
        this.nav = nav;
        this.user = user;
        this.token = token;
    }

    public String getTitle() {
        return title;
    }

    /** Which item of the top bar is current: "dashboard", "quote", "" for none, "signin" for no top bar. */
    public String getNav() {
        return nav;
    }

    public boolean isSignedIn() {
        return user != null;
    }

    public String getUserName() {
        return user == null ? "" : user.name();
    }

    public String getUsername() {
        return user == null ? "" : user.username();
    }

    public String getRole() {
        return user == null ? "" : user.role().name();
    }

    /** The double-submit token for this page's forms; set by {@link Csrf} just before rendering. */
    public String getCsrf() {
        return csrf;
    }

    void csrf(String value) {
        this.csrf = value;
    }

    public String getToken() {
        return token == null ? "" : token;
    }
}
