package dealdesk.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.core.setup.Environment;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Failures that Jetty answers itself, before Jersey sees the request (a URI
 * over 8 KB, an ambiguous {@code %2F} or {@code %00} in a path, a bad header),
 * in the same JSON error contract as everything else instead of an HTML page.
 */
public final class JsonErrorPages {
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonErrorPages() {
    }

    public static void install(Environment environment) {
        environment.getApplicationContext().setErrorHandler(new ServletErrors());
        environment.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new ServerErrors()));
    }

    static byte[] body(int status, String reason) {
        ErrorCode code = switch (status) {
            case 401 -> ErrorCode.UNAUTHENTICATED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED_REQUEST;
        };
        String message = switch (status) {
            case 404 -> "no such resource";
            case 414 -> "the URI is too long";
            case 431 -> "the request headers are too large";
            default -> status >= 500 ? "the server could not answer" : "the request could not be read"
                    + (reason == null || reason.isBlank() ? "" : ": " + reason);
        };
        try {
            return JSON.writeValueAsBytes(new ErrorResponse(code.name(), message, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean respond(Response response, Callback callback, int status, String reason) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(body(status, reason)), callback);
        return true;
    }

    static ByteBuffer badMessage(int status, String reason, HttpFields.Mutable fields) {
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, "application/json"));
        return ByteBuffer.wrap(body(status, reason));
    }

    /** Errors of the application's servlet context (ambiguous paths, sendError outside Jersey). */
    static final class ServletErrors extends org.eclipse.jetty.ee10.servlet.ErrorHandler {
        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                     String contentType, List<Charset> charsets, int code,
                                                     String message, Throwable cause) {
            return respond(response, callback, code, message);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            return badMessage(status, reason, fields);
        }
    }

    /** Errors of the server itself (a URI or headers too large to parse). */
    static final class ServerErrors extends org.eclipse.jetty.server.handler.ErrorHandler {
        @Override
        protected boolean generateAcceptableResponse(Request request, Response response, Callback callback,
                                                     String contentType, List<Charset> charsets, int code,
                                                     String message, Throwable cause) {
            return respond(response, callback, code, message);
        }

        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            return badMessage(status, reason, fields);
        }
    }
}
