package dealdesk.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.NewCookie;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The pages' defence against cross-site form posts: a double-submit token. Every page gets a random
 * token in an HttpOnly, SameSite=Strict cookie and the same token in a hidden field of each form; a
 * post is taken only when the two match. Another site can make a browser post to us, but it can
 * neither read nor set our cookie, so it cannot send a matching pair. On top of that an Origin header
 * naming another site is refused outright.
 */
public final class Csrf implements ContainerResponseFilter {
    static final String COOKIE = "dealdesk_csrf";
    static final String FIELD = "csrf";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Hands the token to the page being rendered; a browser without one gets a new one in a cookie. */
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(response.getEntity() instanceof Page page)) {
            return;
        }
        Cookie cookie = request.getCookies().get(COOKIE);
        String value = cookie == null ? null : cookie.getValue();
        boolean issued = value == null || !SHAPE.matcher(value).matches();
        if (issued) {
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        }
        page.csrf(value);
        if (issued) {
            boolean secure = "https".equalsIgnoreCase(request.getUriInfo().getRequestUri().getScheme())
                    || "https".equalsIgnoreCase(request.getHeaderString("X-Forwarded-Proto"));
            response.getHeaders().add(HttpHeaders.SET_COOKIE, new NewCookie.Builder(COOKIE).value(value).path("/")
                    .httpOnly(true).secure(secure).sameSite(NewCookie.SameSite.STRICT).build());
        }
    }

    /**
     * Is this form post our own? The form's token must equal the cookie's, and an Origin that names a
     * site must be this host. An opaque Origin ("null", sent by privacy settings and some sandboxes)
     * proves nothing either way, so the token decides.
     */
    static boolean accepts(HttpHeaders headers, String cookieToken, String formToken) {
        if (cookieToken == null || formToken == null || !SHAPE.matcher(cookieToken).matches()
                || !MessageDigest.isEqual(cookieToken.getBytes(StandardCharsets.US_ASCII),
                formToken.getBytes(StandardCharsets.US_ASCII))) {
            return false;
        }
        String origin = headers.getHeaderString("Origin");
        if (origin == null || origin.strip().equals("null")) {
            return true;
        }
        String forwardedHost = headers.getHeaderString("X-Forwarded-Host");
        String host = forwardedHost != null ? forwardedHost.split(",")[0].strip() : headers.getHeaderString("Host");
        try {
            URI parsed = URI.create(origin.strip());
            return host != null && parsed.getRawAuthority() != null && parsed.getRawAuthority().equalsIgnoreCase(host);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
