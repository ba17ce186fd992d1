package dealdesk.rules.api;

/** POST /api/v1/rulesets: the whole rule text of one base, and why it changes. */
public record RuleSetRequest(String base, String drl, String note) {
}
