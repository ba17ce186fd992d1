package dealdesk.commission.api;

/** PUT /api/v1/plans/{id}/assignments/{username}: dates like 2026-10-01; to is inclusive and optional. */
public record AssignmentRequest(String from, String to) {
}
