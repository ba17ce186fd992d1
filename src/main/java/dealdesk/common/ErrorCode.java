package dealdesk.common;

/**
 * Every failure the API reports, with the HTTP status it maps to. One mapper
 * ({@link ApiExceptionMapper}) turns these into the JSON error body.
 */
public enum ErrorCode {
    MALFORMED_REQUEST(400),
    VALIDATION_FAILED(422),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    STALE_VERSION(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    TOO_MANY_REQUESTS(429),
    INVALID_STATE(409),
    RULES_INVALID(422),
    INTERNAL(500),
    /** Every database connection is busy: the service is overloaded for the moment, try again shortly. */
    SERVICE_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }
}
