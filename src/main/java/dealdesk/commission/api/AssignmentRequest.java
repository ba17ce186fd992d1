package dealdesk.commission.api;

import dealdesk.common.constraints.IsoDate;
import jakarta.validation.constraints.NotNull;

/** PUT /api/v1/plans/{id}/assignments/{username}: dates like 2026-10-01; to is inclusive and optional. */
public record AssignmentRequest(@NotNull(message = "a date like 2026-11-23 is required") @IsoDate String from, @IsoDate String to) {
}
