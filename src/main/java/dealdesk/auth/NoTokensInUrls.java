package dealdesk.auth;

import dealdesk.common.ErrorCode;
import dealdesk.common.ErrorResponse;
import dealdesk.common.FieldError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Tokens travel only in the Authorization header or the session cookie: a URL
 * ends up in logs, browser history and Referer headers. Dropwizard's bearer
 * filter would read {@code ?access_token=}; this refuses such a request first.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public class NoTokensInUrls implements ContainerRequestFilter {
    static final String PARAMETER = "access_token";

    @Override
    public void filter(ContainerRequestContext request) {
        boolean inUrl = request.getUriInfo().getQueryParameters().keySet().stream()
                .anyMatch(name -> name.strip().equalsIgnoreCase(PARAMETER));
        if (inUrl) {
            String message = "send the token in the Authorization header (Bearer), never in the URL";
            request.abortWith(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorResponse(ErrorCode.MALFORMED_REQUEST.name(), message,
                            List.of(new FieldError(PARAMETER, message))))
                    .build());
        }
    }
}
