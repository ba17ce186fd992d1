package dealdesk.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;

import java.lang.annotation.Annotation;

/**
 * A browser that asks for an unknown page gets an HTML "not found" page with a way back; API clients (any path
 * under /api/, or a request that does not take HTML) keep the JSON error.
 */
@Priority(Priorities.USER + 500)
public final class NotFoundPage implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() != 404 || response.getEntity() instanceof Page) {
            return;
        }
        String path = request.getUriInfo().getPath();
        if (path.startsWith("api/") || path.startsWith("/api/") || path.startsWith("static/")
                || path.startsWith("/static/") || !wantsHtml(request)) {
            return;
        }
        response.setEntity(new ErrorView(null, 404, "There is no page at this address."), new Annotation[0],
                MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"));
        response.getHeaders().putSingle("Cache-Control", "no-store");
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Content-Security-Policy", PageResource.CONTENT_SECURITY_POLICY);
    }

    private static boolean wantsHtml(ContainerRequestContext request) {
        return request.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE) && !type.isWildcardType());
    }
}
