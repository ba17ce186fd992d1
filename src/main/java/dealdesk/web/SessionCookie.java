package dealdesk.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.UriInfo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The pages' session: the bearer token in an HttpOnly, SameSite=Strict cookie.
 * Only the page resource reads it; the JSON API keeps taking the Authorization
 * header alone, so a cross-site form can never act through the cookie.
 */
final class SessionCookie {
    static final String NAME = "dealdesk_session";

    private SessionCookie() {
    }

    static NewCookie issue(String token, Instant expiresAt, Clock clock, boolean secure) {
        long seconds = Math.max(0, Duration.between(clock.instant(), expiresAt).getSeconds());
        return base(secure).value(token).maxAge((int) Math.min(seconds, Integer.MAX_VALUE)).build();
    }

    static NewCookie cleared(boolean secure) {
        return base(secure).value("").maxAge(0).expiry(java.util.Date.from(Instant.EPOCH)).build();
    }

    private static NewCookie.Builder base(boolean secure) {
        return new NewCookie.Builder(NAME).path("/").httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT);
    }

    /** Secure cookies only over HTTPS (directly or behind a proxy that says so), so plain-HTTP dev still works. */
    static boolean secure(UriInfo uri, HttpHeaders headers) {
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme())
                || "https".equalsIgnoreCase(headers.getHeaderString("X-Forwarded-Proto"));
    }
}
