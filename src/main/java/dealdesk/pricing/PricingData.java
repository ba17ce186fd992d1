package dealdesk.pricing;

import java.util.List;

/**
 * All pricing data that the rules read: editable over the API, held in memory
 * as one immutable snapshot, swapped whole after a change.
 */
public record PricingData(List<VolumeSchedule> volumeSchedules, List<TermDiscount> termDiscounts,
                          List<SegmentPrice> segmentPrices, List<ContractedPrice> contractedPrices,
                          List<Promotion> promotions, List<FloorPrice> floors,
                          List<ApprovalThreshold> approvalThresholds) {

    public PricingData {
        volumeSchedules = List.copyOf(volumeSchedules);
        termDiscounts = List.copyOf(termDiscounts);
        segmentPrices = List.copyOf(segmentPrices);
        contractedPrices = List.copyOf(contractedPrices);
        promotions = List.copyOf(promotions);
        floors = List.copyOf(floors);
        approvalThresholds = List.copyOf(approvalThresholds);
    }

    public static PricingData empty() {
        return new PricingData(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
