package dealdesk.common;

/** One problem with one field of a request: {@code path} is like {@code lines[3].quantity}. */
public record FieldError(String path, String message) {
}
