package dealdesk.common;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;

/**
 * Refuses, before any resource runs, a path or query parameter that carries a
 * control character ({@code %00}, {@code %0A}): 400 naming the parameter, in
 * the error contract, instead of a database error.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public class CleanRequests implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (Text.hasControlCharacters(request.getUriInfo().getPath(true))) {
            refuse(request, "path", "the path " + Text.REFUSED);
            return;
        }
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters(true);
        for (Map.Entry<String, List<String>> parameter : query.entrySet()) {
            boolean dirty = Text.hasControlCharacters(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(Text::hasControlCharacters);
            if (dirty) {
                String name = Text.hasControlCharacters(parameter.getKey()) ? "query" : parameter.getKey();
                refuse(request, name, name + " " + Text.REFUSED);
                return;
            }
        }
    }

    private static void refuse(ContainerRequestContext request, String path, String message) {
        request.abortWith(Response.status(400).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(ErrorCode.MALFORMED_REQUEST.name(), message,
                        List.of(new FieldError(path, message))))
                .build());
    }
}
