package dealdesk.common;

import java.util.List;

/** A domain failure with its code, a sentence for people, and the fields at fault. */
public class ApiException extends RuntimeException {
    private final ErrorCode code;
    private final List<FieldError> details;

    public ApiException(ErrorCode code, String message, List<FieldError> details) {
        super(message);
        this.code = code;
        this.details = List.copyOf(details);
    }

    public ApiException(ErrorCode code, String message) {
        this(code, message, List.of());
    }

    public static ApiException invalid(String path, String message) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, message, List.of(new FieldError(path, message)));
    }

    public static ApiException invalid(List<FieldError> errors) {
        String message = errors.size() == 1 ? errors.get(0).message() : errors.size() + " fields are invalid";
        return new ApiException(ErrorCode.VALIDATION_FAILED, message, errors);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " " + id + " not found");
    }

    public static ApiException forbidden(String message) {
        return new ApiException(ErrorCode.FORBIDDEN, message);
    }

    public static ApiException conflict(String message) {
        return new ApiException(ErrorCode.CONFLICT, message);
    }

    public ErrorCode code() {
        return code;
    }

    public List<FieldError> details() {
        return details;
    }

    /** Response headers that go with this failure (Retry-After for 429). */
    public java.util.Map<String, String> headers() {
        return java.util.Map.of();
    }

    public ErrorResponse toResponse() {
        return new ErrorResponse(code.name(), getMessage(), details);
    }
}
