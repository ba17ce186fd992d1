package dealdesk.pricing;

import java.util.List;

/** What pricing a quote produced: priced lines, totals, approvals needed and floor breaches. */
public record PricingOutcome(List<LineResult> lines, Totals totals, List<ApprovalRequirement> approvals,
                             List<FloorBreach> floorBreaches) {
}
