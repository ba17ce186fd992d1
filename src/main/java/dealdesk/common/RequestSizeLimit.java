package dealdesk.common;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * Rejects request bodies over the configured size with 413, whether the
 * client declares a Content-Length or streams the body chunked.
 */
@Priority(Priorities.AUTHENTICATION - 100)
public class RequestSizeLimit implements ContainerRequestFilter {
    private final long maxBytes;

    public RequestSizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Thrown from the body stream once it passes the limit. */
    public static class TooLargeException extends IOException {
        public TooLargeException(long maxBytes) {
            super("request body is larger than " + maxBytes + " bytes");
        }
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBytes) {
            String message = "request body is larger than " + maxBytes + " bytes";
            request.abortWith(ApiExceptionMapper.respond(413, new ErrorResponse(ErrorCode.PAYLOAD_TOO_LARGE.name(),
                    message, List.of(new FieldError("body", message)))));
            return;
        }
        if (request.hasEntity()) {
            request.setEntityStream(new Limited(request.getEntityStream(), maxBytes));
        }
    }

    private static final class Limited extends FilterInputStream {
        private final long max;
        private long count;

        Limited(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws IOException {
            count += n;
            if (count > max) {
                throw new TooLargeException(max);
            }
        }
    }
}
