package dealdesk.bench;

import dealdesk.common.Money;
import dealdesk.pricing.RequestedDiscount;
import java.util.Currency;
import dealdesk.pricing.ApprovalLevel;
import dealdesk.pricing.ApprovalMetric;
import dealdesk.pricing.ApprovalThreshold;
import dealdesk.pricing.ChargeType;
import dealdesk.pricing.ContractedPrice;
import dealdesk.pricing.FloorPrice;
import dealdesk.pricing.PricedLine;
import dealdesk.pricing.PricingData;
import dealdesk.pricing.QuoteContext;
import dealdesk.pricing.SegmentPrice;
import dealdesk.pricing.TermDiscount;
import dealdesk.pricing.VolumeMode;
import dealdesk.pricing.VolumeSchedule;
import dealdesk.pricing.VolumeTier;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's quote: lines over 50 skus (GEN-0 .. GEN-49) in 5 families,
 * two thirds recurring, every fourth with a requested discount; pricing data
 * touching every stage (pooled volume per family, term, segment, contract,
 * floors, approvals). Every line matches exactly one generated promotion rule,
 * whether 50 or 1,000 are loaded.
 */
final class BenchQuote {
    static final int SKUS = 50;
    static final Currency USD = Currency.getInstance("USD");
    static final QuoteContext CONTEXT = new QuoteContext("USD", "PARTNER", "Bench Corp", 36, LocalDate.of(2026, 11, 1));

    private BenchQuote() {
    }

    static String family(int sku) {
        return "F" + (sku % 5);
    }

    static List<PricedLine> lines(int count) {
        List<PricedLine> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int sku = i % SKUS;
            lines.add(new PricedLine(i, "GEN-" + sku, family(sku), sku % 3 == 0 ? ChargeType.ONE_TIME : ChargeType.RECURRING,
                    BigDecimal.valueOf(1 + i % 7), Money.of(BigDecimal.valueOf(10 + sku).add(new BigDecimal("0.99")), USD),
                    RequestedDiscount.percent(i % 4 == 0 ? BigDecimal.valueOf(5) : BigDecimal.ZERO)));
        }
        return lines;
    }

    static PricingData data() {
        List<VolumeTier> tiers = List.of(new VolumeTier(new BigDecimal("100"), BigDecimal.ZERO),
                new VolumeTier(new BigDecimal("1000"), new BigDecimal("5")), new VolumeTier(null, new BigDecimal("10")));
        List<VolumeTier> priceTable = List.of(VolumeTier.unitPrice(new BigDecimal("100"), new BigDecimal("11.50"), null),
                VolumeTier.unitPrice(new BigDecimal("1000"), new BigDecimal("10.25"), new BigDecimal("25")),
                VolumeTier.unitPrice(null, new BigDecimal("9.99"), new BigDecimal("50")));
        List<VolumeSchedule> schedules = new ArrayList<>();
        List<FloorPrice> floors = new ArrayList<>();
        for (int family = 0; family < 5; family++) {
            // families 0-2 take a percent off by volume; 3 and 4 are price tables (graduated and volume)
            schedules.add(family < 3
                    ? new VolumeSchedule("volume F" + family, null, "F" + family,
                            family % 2 == 0 ? VolumeMode.SLAB : VolumeMode.RANGE, true, tiers)
                    : new VolumeSchedule("price table F" + family, null, "F" + family,
                            family == 3 ? VolumeMode.SLAB : VolumeMode.RANGE, true, "USD", priceTable));
            floors.add(new FloorPrice("floor F" + family, null, "F" + family, new BigDecimal("60")));
        }
        return new PricingData(schedules,
                List.of(new TermDiscount("2 years", 24, new BigDecimal("4")), new TermDiscount("3 years", 36, new BigDecimal("7"))),
                List.of(new SegmentPrice("PARTNER", "GEN-1", "USD", new BigDecimal("9.50")),
                        new SegmentPrice("PARTNER", "GEN-2", "USD", new BigDecimal("10.00"))),
                List.of(new ContractedPrice("Bench Corp", "GEN-4", "USD", new BigDecimal("12.00"), LocalDate.of(2026, 1, 1), null)),
                List.of(),
                floors,
                List.of(new ApprovalThreshold(ApprovalLevel.MANAGER, ApprovalMetric.LINE_DISCOUNT_PERCENT, new BigDecimal("10")),
                        new ApprovalThreshold(ApprovalLevel.FINANCE, ApprovalMetric.LINE_DISCOUNT_PERCENT, new BigDecimal("25"))));
    }
}
