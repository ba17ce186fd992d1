package dealdesk.deal;

/** Something about a deal that needs attention: a code for programs, a message that says what to do. */
public record DealFlag(String code, String message) {
}
