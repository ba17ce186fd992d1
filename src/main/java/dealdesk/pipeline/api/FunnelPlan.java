package dealdesk.pipeline.api;

import java.util.Map;

/** {@code PUT /api/v1/funnel-plans/{username}/{period}} {stages: {STAGE: count}}, and its answer. */
public record FunnelPlan(String username, String period, Map<String, Integer> stages) {
}
