package dealdesk.quote;

/**
 * A problem that keeps a priced quote from being submitted: a broken
 * configuration rule or a line below its floor. {@code path} points at the
 * line, e.g. {@code lines[2]} or {@code lines[2].quantity}.
 */
public record QuoteError(String code, String message, String path) {
}
