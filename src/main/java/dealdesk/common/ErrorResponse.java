package dealdesk.common;

import java.util.List;

/** The JSON body of every error: {@code {code, message, details: [{path, message}]}}. */
public record ErrorResponse(String code, String message, List<FieldError> details) {
}
