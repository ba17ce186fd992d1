package dealdesk.pipeline.api;

import java.util.Map;

/** The body of {@code PUT /api/v1/funnel-plans/{username}/{period}}: planned deals per funnel stage. */
public record FunnelPlanRequest(Map<String, Integer> stages) {
}
