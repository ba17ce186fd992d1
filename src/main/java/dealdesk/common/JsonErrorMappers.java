package dealdesk.common;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Framework failures in the same JSON shape as {@link ApiException}:
 * malformed JSON, wrong types and unknown fields name the field; HTTP errors
 * keep their status; anything unexpected is logged with an id and answered
 * without internals.
 */
public final class JsonErrorMappers {
    private static final Logger LOG = LoggerFactory.getLogger(JsonErrorMappers.class);

    private JsonErrorMappers() {
    }

    public static List<Object> all() {
        return List.of(new ApiExceptionMapper(), new JsonMapper(), new ViolationMapper(),
                new WebMapper(), new FallbackMapper());
    }

    /** Turns Jackson's reference path into {@code lines[3].quantity}. */
    public static String path(JsonMappingException exception) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : exception.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    public static ApiException toApiException(JsonProcessingException exception) {
        Throwable tooLarge = causeOfType(exception, RequestSizeLimit.TooLargeException.class);
        if (tooLarge != null) {
            return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, tooLarge.getMessage(),
                    List.of(new FieldError("body", tooLarge.getMessage())));
        }
        if (exception instanceof JsonGuards.RefusedValue refused) {
            String path = path(refused);
            return new ApiException(refused.code(), path + ": " + refused.getOriginalMessage(),
                    List.of(new FieldError(path, refused.getOriginalMessage())));
        }
        if (exception instanceof UnrecognizedPropertyException unknown) {
            String path = path(unknown);
            return new ApiException(ErrorCode.MALFORMED_REQUEST, "unknown field " + unknown.getPropertyName(),
                    List.of(new FieldError(path, "unknown field")));
        }
        if (exception instanceof InvalidFormatException invalid) {
            String path = path(invalid);
            String expected = invalid.getTargetType() == null ? "another value" : describe(invalid.getTargetType());
            String message = "expected " + expected + ", got " + abbreviate(String.valueOf(invalid.getValue()));
            return new ApiException(ErrorCode.MALFORMED_REQUEST, path + ": " + message,
                    List.of(new FieldError(path, message)));
        }
        if (exception instanceof MismatchedInputException mismatched) {
            String path = path(mismatched);
            String expected = mismatched.getTargetType() == null ? "another type" : describe(mismatched.getTargetType());
            String message = "expected " + expected;
            return new ApiException(ErrorCode.MALFORMED_REQUEST, path + ": " + message,
                    List.of(new FieldError(path, message)));
        }
        if (exception instanceof JsonMappingException mapping) {
            String path = path(mapping);
            Throwable cause = mapping.getCause();
            if (cause instanceof ApiException api) {
                return api;
            }
            String message = cause != null && cause.getMessage() != null ? cause.getMessage() : "invalid value";
            return new ApiException(ErrorCode.MALFORMED_REQUEST, path + ": " + abbreviate(message),
                    List.of(new FieldError(path, abbreviate(message))));
        }
        String where = exception.getLocation() == null ? "" : " at line " + exception.getLocation().getLineNr()
                + ", column " + exception.getLocation().getColumnNr();
        return new ApiException(ErrorCode.MALFORMED_REQUEST, "malformed JSON" + where,
                List.of(new FieldError("body", exception instanceof JsonParseException
                        ? "not valid JSON" + where : "could not be read" + where)));
    }

    private static String describe(Class<?> type) {
        if (type.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object constant : type.getEnumConstants()) {
                names.add(constant.toString());
            }
            return "one of " + names;
        }
        if (type == java.math.BigDecimal.class || Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return type == int.class || type == long.class || type == Integer.class || type == Long.class
                    ? "a whole number" : "a number";
        }
        if (type == java.time.LocalDate.class) {
            return "a date like 2026-11-23";
        }
        if (type == String.class) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "an array";
        }
        return "an object";
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    public static class JsonMapper implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException exception) {
            ApiException api = toApiException(exception);
            return ApiExceptionMapper.respond(api.code().status(), api.toResponse());
        }
    }

    public static class ViolationMapper implements ExceptionMapper<ConstraintViolationException> {
        @Override
        public Response toResponse(ConstraintViolationException exception) {
            List<FieldError> details = new ArrayList<>();
            for (ConstraintViolation<?> violation : exception.getConstraintViolations()) {
                details.add(new FieldError(fieldPath(violation.getPropertyPath()), violation.getMessage()));
            }
            details.sort(java.util.Comparator.comparing(FieldError::path).thenComparing(FieldError::message));
            ApiException api = ApiException.invalid(details.isEmpty()
                    ? List.of(new FieldError("body", "invalid")) : new Validation().addAll(details).errors());
            return ApiExceptionMapper.respond(api.code().status(), api.toResponse());
        }

        /** The field's JSON path ({@code lines[3].quantity}), without Jersey's method and argument names. */
        private static String fieldPath(Path path) {
            String field = Validation.path(path);
            return field.isEmpty() ? "body" : field;
        }
    }

    public static class WebMapper implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException exception) {
            int status = exception.getResponse().getStatus();
            Throwable tooLarge = causeOfType(exception, RequestSizeLimit.TooLargeException.class);
            if (tooLarge != null) {
                return ApiExceptionMapper.respond(413, new ErrorResponse(ErrorCode.PAYLOAD_TOO_LARGE.name(),
                        tooLarge.getMessage(), List.of(new FieldError("body", tooLarge.getMessage()))));
            }
            ErrorCode code = switch (status) {
                case 401 -> ErrorCode.UNAUTHENTICATED;
                case 403 -> ErrorCode.FORBIDDEN;
                case 404 -> ErrorCode.NOT_FOUND;
                case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
                case 406 -> ErrorCode.NOT_ACCEPTABLE;
                case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
                case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
                default -> status >= 500 ? ErrorCode.INTERNAL : ErrorCode.MALFORMED_REQUEST;
            };
            String message = switch (status) {
                case 403 -> "your role may not do this";
                case 404 -> "no such resource";
                case 405 -> "method not allowed here";
                case 415 -> "unsupported content type";
                default -> exception.getMessage() == null ? "request failed" : exception.getMessage();
            };
            if (status >= 500) {
                LOG.error("request failed", exception);
            }
            return ApiExceptionMapper.respond(status, new ErrorResponse(code.name(), message, List.of()));
        }
    }

    /** Last resort: size limits and JSON errors that arrive wrapped, else a logged 500 with an id. */
    public static class FallbackMapper implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable exception) {
            Throwable tooLarge = causeOfType(exception, RequestSizeLimit.TooLargeException.class);
            if (tooLarge != null) {
                return ApiExceptionMapper.respond(413, new ErrorResponse(ErrorCode.PAYLOAD_TOO_LARGE.name(),
                        tooLarge.getMessage(), List.of(new FieldError("body", tooLarge.getMessage()))));
            }
            Throwable api = causeOfType(exception, ApiException.class);
            if (api != null) {
                return new ApiExceptionMapper().toResponse((ApiException) api);
            }
            Throwable json = causeOfType(exception, JsonProcessingException.class);
            if (json != null) {
                return new JsonMapper().toResponse((JsonProcessingException) json);
            }
            Throwable encoding = causeOfType(exception, java.io.CharConversionException.class);
            if (encoding != null) {
                // bytes Jackson takes for another encoding (UTF-32 with an odd byte order, broken UTF-8)
                return new ApiExceptionMapper().toResponse(new ApiException(ErrorCode.MALFORMED_REQUEST,
                        "the body is not JSON in UTF-8: " + encoding.getMessage(),
                        List.of(new FieldError("body", "not JSON in UTF-8"))));
            }
            if (causeOfType(exception, org.apache.tomcat.jdbc.pool.PoolExhaustedException.class) != null) {
                // overload, not a fault: every connection stayed busy for the pool's wait; the client may retry
                LOG.warn("database pool exhausted: answered 503");
                return Response.fromResponse(ApiExceptionMapper.respond(503, new ErrorResponse(
                        ErrorCode.SERVICE_UNAVAILABLE.name(), "the service is busy: try again in a moment", List.of())))
                        .header("Retry-After", "1").build();
            }
            Throwable database = causeOfType(exception, java.sql.SQLException.class);
            if (database != null) {
                ApiException refused = fromDatabase((java.sql.SQLException) database);
                if (refused != null) {
                    return new ApiExceptionMapper().toResponse(refused);
                }
            }
            String id = UUID.randomUUID().toString();
            LOG.error("unexpected failure {}", id, exception);
            return ApiExceptionMapper.respond(500, new ErrorResponse(ErrorCode.INTERNAL.name(),
                    "unexpected failure, logged as " + id, List.of()));
        }
    }

    /**
     * The database's refusals that a client caused, as the error contract: two writers creating one
     * key (the loser gets 409, as if it had come second), serialization failures (409, try again),
     * values PostgreSQL cannot hold (422). Null for anything else.
     */
    static ApiException fromDatabase(java.sql.SQLException exception) {
        String state = exception.getSQLState() == null ? "" : exception.getSQLState();
        return switch (state) {
            case "23505" -> new ApiException(ErrorCode.CONFLICT, "it already exists (another request created it first)",
                    List.of(new FieldError("body", "already exists")));
            case "40001", "40P01" -> new ApiException(ErrorCode.CONFLICT,
                    "another change got there first; read it again and retry");
            case "22021", "22P05" -> ApiException.invalid("body", "text " + Text.REFUSED);
            case "22003" -> ApiException.invalid("body", "a number is out of range");
            case "22008", "22007" -> ApiException.invalid("body", "a date is out of range");
            case "22001" -> ApiException.invalid("body", "a text is too long");
            default -> null;
        };
    }

    static Throwable causeOfType(Throwable exception, Class<? extends Throwable> type) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }
}
