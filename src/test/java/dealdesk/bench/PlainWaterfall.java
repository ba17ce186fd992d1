package dealdesk.bench;

import dealdesk.common.Money;
import dealdesk.pricing.ContractedPrice;
import dealdesk.pricing.FloorPrice;
import dealdesk.pricing.LineResult;
import dealdesk.pricing.PricedLine;
import dealdesk.pricing.PricingData;
import dealdesk.pricing.PricingEngine;
import dealdesk.pricing.QuoteContext;
import dealdesk.pricing.SegmentPrice;
import dealdesk.pricing.Stage;
import dealdesk.pricing.TermDiscount;
import dealdesk.pricing.Totals;
import dealdesk.pricing.VolumeSchedule;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark's baseline: the same waterfall as the rules, hand-written as a
 * plain Java loop over the same data (family schedules, term, segment,
 * contract, the generated promotions as a sku map, requested discount, floor),
 * then the same line results and totals.
 */
final class PlainWaterfall {
    private PlainWaterfall() {
    }

    static Totals price(QuoteContext context, List<PricedLine> lines, PricingData data, Map<String, BigDecimal> promotions) {
        Map<String, BigDecimal> pools = new HashMap<>();
        for (PricedLine line : lines) {
            pools.merge(line.getFamily(), line.getQuantity(), BigDecimal::add);
        }
        Map<String, VolumeSchedule> schedules = new HashMap<>();
        for (VolumeSchedule schedule : data.volumeSchedules()) {
            schedules.put(schedule.family(), schedule);
        }
        Map<String, BigDecimal> floors = new HashMap<>();
        for (FloorPrice floor : data.floors()) {
            floors.put(floor.family(), floor.percentOfList());
        }
        TermDiscount term = null;
        for (TermDiscount discount : data.termDiscounts()) {
            if (discount.minMonths() <= context.termMonths() && (term == null || discount.minMonths() > term.minMonths())) {
                term = discount;
            }
        }
        Map<String, BigDecimal> segmentPrices = new HashMap<>();
        for (SegmentPrice price : data.segmentPrices()) {
            if (price.segment().equals(context.segment()) && price.currency().equals(context.currency())) {
                segmentPrices.put(price.sku(), price.price());
            }
        }
        Map<String, BigDecimal> contracts = new HashMap<>();
        for (ContractedPrice price : data.contractedPrices()) {
            if (price.account().equals(context.account()) && price.isValidOn(context.startDate())) {
                contracts.put(price.sku(), price.price());
            }
        }
        Currency currency = Currency.getInstance(context.currency());
        List<LineResult> results = new ArrayList<>(lines.size());
        int breaches = 0;
        for (PricedLine line : lines) {
            VolumeSchedule schedule = schedules.get(line.getFamily());
            if (schedule != null) {
                line.applyVolume(schedule, pools.get(line.getFamily()));
            }
            if (term != null && line.isRecurring()) {
                line.applyPercent(Stage.TERM, term.name(), term.percent());
            }
            BigDecimal segmentPrice = segmentPrices.get(line.getSku());
            if (segmentPrice != null && line.isPricedAbove(Money.of(segmentPrice, currency))) {
                line.override(Stage.SEGMENT, context.segment() + " price", Money.of(segmentPrice, currency));
            }
            BigDecimal contract = contracts.get(line.getSku());
            if (contract != null) {
                line.override(Stage.CONTRACT, "contract " + context.account(), Money.of(contract, currency));
            }
            BigDecimal promotion = promotions.get(line.getSku());
            if (promotion != null) {
                line.applyPercent(Stage.PROMOTION, "generated promotion", promotion);
            }
            if (line.isDiscountAsked()) {
                line.applyRequestedDiscount(Stage.DISCOUNT, "requested discount");
            }
            BigDecimal floor = floors.get(line.getFamily());
            if (floor != null && line.getPercentOfList().compareTo(floor) < 0) {
                breaches++;
            }
            results.add(PricingEngine.result(line, context.termMonths(), currency));
        }
        return breaches >= 0 ? PricingEngine.totals(results, context.termMonths(), currency) : null;
    }
}
