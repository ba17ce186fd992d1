package dealdesk.rules;

import dealdesk.common.ApiException;
import java.util.List;
import java.util.Locale;

/**
 * A rule base that an admin may replace: its DRL package, its folder under rules/, and the
 * engine's fact and decision types that uploaded rules may use (besides plain value classes).
 */
public enum RuleBase {
    COMMISSION("dealdesk.commission.rules", "commission", List.of(
            dealdesk.commission.engine.CreditFact.class,
            dealdesk.commission.engine.PlanFacts.class,
            dealdesk.commission.engine.Decisions.class,
            dealdesk.commission.plan.Match.class,
            dealdesk.commission.plan.Plan.TierMode.class,
            dealdesk.commission.plan.Plan.TierBasis.class,
            dealdesk.commission.plan.Plan.AwardType.class,
            dealdesk.commission.plan.Plan.CreditBasis.class,
            dealdesk.commission.plan.Plan.Window.class,
            dealdesk.commission.plan.Plan.Spif.class,
            dealdesk.commission.plan.Plan.Award.class,
            dealdesk.commission.plan.Plan.Threshold.class,
            dealdesk.commission.plan.Plan.Band.class)),
    PRICING("dealdesk.pricing", "pricing", List.of(
            dealdesk.pricing.PricedLine.class,
            dealdesk.pricing.Stage.class,
            dealdesk.pricing.QuoteContext.class,
            dealdesk.pricing.QuoteSummary.class,
            dealdesk.pricing.FamilyQuantity.class,
            dealdesk.pricing.VolumeSchedule.class,
            dealdesk.pricing.VolumeTier.class,
            dealdesk.pricing.VolumeMode.class,
            dealdesk.pricing.TermDiscount.class,
            dealdesk.pricing.SegmentPrice.class,
            dealdesk.pricing.ContractedPrice.class,
            dealdesk.pricing.Promotion.class,
            dealdesk.pricing.FloorPrice.class,
            dealdesk.pricing.FloorBreach.class,
            dealdesk.pricing.ApprovalThreshold.class,
            dealdesk.pricing.ApprovalRequirement.class,
            dealdesk.pricing.ApprovalMetric.class,
            dealdesk.pricing.ApprovalLevel.class,
            dealdesk.pricing.Adjustment.class,
            dealdesk.pricing.AdjustmentKind.class,
            dealdesk.pricing.ChargeType.class));

    private final String drlPackage;
    private final String folder;
    private final List<Class<?>> factTypes;

    RuleBase(String drlPackage, String folder, List<Class<?>> factTypes) {
        this.drlPackage = drlPackage;
        this.folder = folder;
        this.factTypes = factTypes;
    }

    /** The package every uploaded DRL of this base must declare. */
    public String drlPackage() {
        return drlPackage;
    }

    /** The folder under the rules directory whose files are the base's first version. */
    public String folder() {
        return folder;
    }

    /** The engine's types (with their nested types) that the rules match and insert. */
    public List<Class<?>> factTypes() {
        return factTypes;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code commission} or {@code pricing}; anything else is a 422 on {@code path}. */
    public static RuleBase parse(String text, String path) {
        if (text == null || text.isBlank()) {
            throw ApiException.invalid(path, "base is required: commission or pricing");
        }
        for (RuleBase base : values()) {
            if (base.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return base;
            }
        }
        throw ApiException.invalid(path, "base must be commission or pricing, not " + text);
    }
}
