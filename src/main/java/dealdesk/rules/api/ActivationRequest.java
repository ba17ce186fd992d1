package dealdesk.rules.api;

/** POST /api/v1/rulesets/{id}/activate: the first day the version is in force. */
public record ActivationRequest(String from) {
}
