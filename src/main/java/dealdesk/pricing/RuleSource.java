package dealdesk.pricing;

/** A DRL text and the name it is reported under (its file name). */
public record RuleSource(String name, String text) {
}
