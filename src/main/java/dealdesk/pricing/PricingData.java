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
        volumeSchedules = copy(volumeSchedules);
        termDiscounts = copy(termDiscounts);
        segmentPrices = copy(segmentPrices);
        contractedPrices = copy(contractedPrices);
        promotions = copy(promotions);
        floors = copy(floors);
        approvalThresholds = copy(approvalThresholds);
    }

    /** A missing list is empty; null entries are kept for {@link PricingDataValidator} to name. */
    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(list));
    }

    public static PricingData empty() {
        return new PricingData(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
