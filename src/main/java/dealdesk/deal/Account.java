package dealdesk.deal;

/** The customer account a deal is with. */
public record Account(String name, String industry) {
}
