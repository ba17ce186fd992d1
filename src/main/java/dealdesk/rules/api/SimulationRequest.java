package dealdesk.rules.api;

/** POST /api/v1/rulesets/{id}/simulate: the period to recompute, like 2026-Q4. */
public record SimulationRequest(String period) {
}
