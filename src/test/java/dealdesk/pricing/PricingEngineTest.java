package dealdesk.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dealdesk.common.Money;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class PricingEngineTest {
    static final PricingEngine ENGINE = new PricingEngine(PricingRules.load(Path.of("rules/pricing")));
    static final LocalDate START = LocalDate.of(2026, 11, 1);

    static QuoteContext context(int termMonths) {
        return new QuoteContext("USD", "COMMERCIAL", "Acme Corp", termMonths, START);
    }

    static PricedLine line(int index, String sku, String family, ChargeType type, String quantity, String list, String discount) {
        return new PricedLine(index, sku, family, type, new BigDecimal(quantity), Money.of(list, "USD"),
                RequestedDiscount.percent(new BigDecimal(discount)));
    }

    static PricedLine crm(int index, String quantity, String discount) {
        return line(index, "CRM-PRO", "CRM", ChargeType.RECURRING, quantity, "100.00", discount);
    }

    static PricingData data(List<VolumeSchedule> volume, List<TermDiscount> term, List<SegmentPrice> segment,
                            List<ContractedPrice> contracts, List<Promotion> promotions, List<FloorPrice> floors,
                            List<ApprovalThreshold> approvals) {
        return new PricingData(volume, term, segment, contracts, promotions, floors, approvals);
    }

    static PricingData only(VolumeSchedule schedule) {
        return data(List.of(schedule), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    static List<VolumeTier> tiers() {
        return List.of(new VolumeTier(new BigDecimal("10"), BigDecimal.ZERO),
                new VolumeTier(new BigDecimal("50"), new BigDecimal("10")),
                new VolumeTier(null, new BigDecimal("20")));
    }

    @Test
    void withoutPricingDataTheNetPriceIsTheListPrice() {
        PricingOutcome outcome = ENGINE.price(context(12), List.of(crm(0, "5", "0")), PricingData.empty());

        LineResult line = outcome.lines().get(0);
        assertThat(line.netPrice().amount()).isEqualByComparingTo("100.00");
        assertThat(line.adjustments()).isEmpty();
        assertThat(line.totals().monthly().amount()).isEqualByComparingTo("500.00");
        assertThat(line.netTotal().amount()).isEqualByComparingTo("6000.00");
        assertThat(outcome.approvals()).isEmpty();
    }

    @Test
    void rangeScheduleGivesEveryUnitTheBandTheQuantityReaches() {
        VolumeSchedule schedule = new VolumeSchedule("CRM range", "CRM-PRO", null, VolumeMode.RANGE, false, tiers());

        LineResult line = ENGINE.price(context(1), List.of(crm(0, "60", "0")), only(schedule)).lines().get(0);

        assertThat(line.netPrice().amount()).isEqualByComparingTo("80.0000");
        assertThat(line.adjustments()).singleElement().satisfies(step -> {
            assertThat(step.stage()).isEqualTo(Stage.VOLUME);
            assertThat(step.rule()).isEqualTo("CRM range");
            assertThat(step.kind()).isEqualTo(AdjustmentKind.PERCENT);
            assertThat(step.value()).isEqualByComparingTo("20");
            assertThat(step.before().amount()).isEqualByComparingTo("100.0000");
            assertThat(step.after().amount()).isEqualByComparingTo("80.0000");
        });
    }

    @Test
    void slabSchedulePricesEachUnitInItsBand() {
        // 10 units at 0%, 40 at 10%, 5 at 20%: 500 / 55 = 9.0909...% off, 90.909091 a unit (5000.00 exactly)
        VolumeSchedule schedule = new VolumeSchedule("CRM slab", "CRM-PRO", null, VolumeMode.SLAB, false, tiers());

        LineResult line = ENGINE.price(context(1), List.of(crm(0, "55", "0")), only(schedule)).lines().get(0);

        assertThat(line.netPrice().amount()).isEqualByComparingTo("90.909091");
        assertThat(line.totals().monthly().amount()).isEqualByComparingTo("5000.00");
    }

    @Test
    void pooledFamilyScheduleCountsTheQuantityOfAllLinesOfTheFamily() {
        VolumeSchedule schedule = new VolumeSchedule("CRM pooled", null, "CRM", VolumeMode.RANGE, true, tiers());
        List<PricedLine> lines = List.of(crm(0, "30", "0"),
                line(1, "CRM-ANALYTICS", "CRM", ChargeType.RECURRING, "30", "20.00", "0"));

        List<LineResult> priced = ENGINE.price(context(1), lines, only(schedule)).lines();

        assertThat(priced.get(0).netPrice().amount()).isEqualByComparingTo("80.0000");
        assertThat(priced.get(1).netPrice().amount()).isEqualByComparingTo("16.0000");
    }

    @Test
    void unpooledFamilyScheduleCountsEachLineAlone() {
        VolumeSchedule schedule = new VolumeSchedule("CRM per line", null, "CRM", VolumeMode.RANGE, false, tiers());
        List<PricedLine> lines = List.of(crm(0, "30", "0"), crm(1, "5", "0"));

        List<LineResult> priced = ENGINE.price(context(1), lines, only(schedule)).lines();

        assertThat(priced.get(0).netPrice().amount()).isEqualByComparingTo("90.0000");
        assertThat(priced.get(1).adjustments()).isEmpty();
    }

    @Test
    void skuScheduleWinsOverItsFamilySchedule() {
        VolumeSchedule family = new VolumeSchedule("CRM family", null, "CRM", VolumeMode.RANGE, false, tiers());
        VolumeSchedule sku = new VolumeSchedule("CRM-PRO only", "CRM-PRO", null, VolumeMode.RANGE, false,
                List.of(new VolumeTier(null, new BigDecimal("5"))));

        LineResult line = ENGINE.price(context(1), List.of(crm(0, "60", "0")),
                data(List.of(family, sku), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()))
                .lines().get(0);

        assertThat(line.adjustments()).extracting(Adjustment::rule).containsExactly("CRM-PRO only");
        assertThat(line.netPrice().amount()).isEqualByComparingTo("95.0000");
    }

    @Test
    void termDiscountTakesTheLongestTermReachedAndSkipsOneTimeLines() {
        List<TermDiscount> terms = List.of(new TermDiscount("2 years", 24, new BigDecimal("5")),
                new TermDiscount("3 years", 36, new BigDecimal("8")));
        List<PricedLine> lines = List.of(crm(0, "10", "0"),
                line(1, "HW-GATEWAY", "HARDWARE", ChargeType.ONE_TIME, "2", "1200.00", "0"));

        PricingOutcome outcome = ENGINE.price(context(36), lines,
                data(List.of(), terms, List.of(), List.of(), List.of(), List.of(), List.of()));

        assertThat(outcome.lines().get(0).adjustments()).singleElement().satisfies(step -> {
            assertThat(step.stage()).isEqualTo(Stage.TERM);
            assertThat(step.rule()).isEqualTo("3 years");
            assertThat(step.after().amount()).isEqualByComparingTo("92.0000");
        });
        assertThat(outcome.lines().get(1).adjustments()).isEmpty();
    }

    @Test
    void segmentPriceAppliesOnlyWhenBelowTheRunningPrice() {
        List<SegmentPrice> prices = List.of(new SegmentPrice("COMMERCIAL", "CRM-PRO", "USD", new BigDecimal("85.00")),
                new SegmentPrice("COMMERCIAL", "HW-GATEWAY", "USD", new BigDecimal("1500.00")),
                new SegmentPrice("EDUCATION", "CRM-PRO", "USD", new BigDecimal("50.00")));
        List<PricedLine> lines = List.of(crm(0, "10", "0"),
                line(1, "HW-GATEWAY", "HARDWARE", ChargeType.ONE_TIME, "2", "1200.00", "0"));

        PricingOutcome outcome = ENGINE.price(context(12), lines,
                data(List.of(), List.of(), prices, List.of(), List.of(), List.of(), List.of()));

        assertThat(outcome.lines().get(0).adjustments()).singleElement().satisfies(step -> {
            assertThat(step.stage()).isEqualTo(Stage.SEGMENT);
            assertThat(step.kind()).isEqualTo(AdjustmentKind.OVERRIDE);
            assertThat(step.after().amount()).isEqualByComparingTo("85.00");
        });
        assertThat(outcome.lines().get(1).adjustments()).isEmpty();
    }

    @Test
    void contractedPriceOfTheAccountOverridesWhileValid() {
        List<ContractedPrice> contracts = List.of(
                // the account as another person typed it
                new ContractedPrice("ACME corp", "CRM-PRO", "USD", new BigDecimal("70.00"), LocalDate.of(2026, 1, 1), null),
                new ContractedPrice("Acme Corp", "HW-GATEWAY", "USD", new BigDecimal("900.00"),
                        LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)),
                new ContractedPrice("Globex", "CRM-PRO", "USD", new BigDecimal("60.00"), LocalDate.of(2026, 1, 1), null));
        List<PricedLine> lines = List.of(crm(0, "10", "0"),
                line(1, "HW-GATEWAY", "HARDWARE", ChargeType.ONE_TIME, "2", "1200.00", "0"));

        PricingOutcome outcome = ENGINE.price(context(12), lines,
                data(List.of(), List.of(), List.of(), contracts, List.of(), List.of(), List.of()));

        assertThat(outcome.lines().get(0).adjustments()).singleElement().satisfies(step -> {
            assertThat(step.stage()).isEqualTo(Stage.CONTRACT);
            assertThat(step.rule()).isEqualTo("contract Acme Corp");
            assertThat(step.after().amount()).isEqualByComparingTo("70.00");
        });
        assertThat(outcome.lines().get(1).adjustments()).isEmpty();
    }

    @Test
    void promotionsApplyInsideTheirDatesAndStack() {
        List<Promotion> promotions = List.of(
                new Promotion("FALL26", "CRM-PRO", null, new BigDecimal("10"), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 11, 30)),
                new Promotion("CRM-FAMILY", null, "CRM", new BigDecimal("5"), LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 1)),
                new Promotion("SPRING27", "CRM-PRO", null, new BigDecimal("30"), LocalDate.of(2027, 3, 1), LocalDate.of(2027, 5, 31)));

        LineResult line = ENGINE.price(context(12), List.of(crm(0, "10", "0")),
                data(List.of(), List.of(), List.of(), List.of(), promotions, List.of(), List.of())).lines().get(0);

        assertThat(line.adjustments()).extracting(Adjustment::rule).containsExactlyInAnyOrder("FALL26", "CRM-FAMILY");
        assertThat(line.netPrice().amount()).isEqualByComparingTo("85.5000");
    }

    @Test
    void requestedDiscountAppliesAfterTheAutomaticStages() {
        List<TermDiscount> terms = List.of(new TermDiscount("3 years", 36, new BigDecimal("10")));

        LineResult line = ENGINE.price(context(36), List.of(crm(0, "3", "12.5")),
                data(List.of(), terms, List.of(), List.of(), List.of(), List.of(), List.of())).lines().get(0);

        assertThat(line.adjustments()).extracting(Adjustment::stage).containsExactly(Stage.TERM, Stage.DISCOUNT);
        assertThat(line.adjustments().get(1).before().amount()).isEqualByComparingTo("90.0000");
        assertThat(line.netPrice().amount()).isEqualByComparingTo("78.7500");
        assertThat(line.totals().monthly().amount()).isEqualByComparingTo("236.25");
        assertThat(line.netTotal().amount()).isEqualByComparingTo("8505.00");
    }

    @Test
    void lineBelowItsFloorIsABreachAndKeepsItsPrice() {
        List<FloorPrice> floors = List.of(new FloorPrice("CRM floor", null, "CRM", new BigDecimal("60")));

        PricingOutcome outcome = ENGINE.price(context(12), List.of(crm(0, "1", "45"), crm(1, "1", "40")),
                data(List.of(), List.of(), List.of(), List.of(), List.of(), floors, List.of()));

        assertThat(outcome.floorBreaches()).singleElement().satisfies(breach -> {
            assertThat(breach.lineIndex()).isEqualTo(0);
            assertThat(breach.floor().amount()).isEqualByComparingTo("60.0000");
            assertThat(breach.price().amount()).isEqualByComparingTo("55.0000");
        });
        assertThat(outcome.lines().get(0).netPrice().amount()).isEqualByComparingTo("55.0000");
    }

    @Test
    void everyStageInOrderAndTheStepsSumToTheNetPrice() {
        PricingData all = data(
                List.of(new VolumeSchedule("CRM slab", "CRM-PRO", null, VolumeMode.SLAB, false, tiers())),
                List.of(new TermDiscount("2 years", 24, new BigDecimal("5"))),
                List.of(new SegmentPrice("COMMERCIAL", "CRM-PRO", "USD", new BigDecimal("80.00"))),
                List.of(),
                List.of(new Promotion("FALL26", "CRM-PRO", null, new BigDecimal("3"), LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31))),
                List.of(new FloorPrice("CRM floor", "CRM-PRO", null, new BigDecimal("50"))),
                List.of());

        LineResult line = ENGINE.price(context(24), List.of(crm(0, "33", "7")), all).lines().get(0);

        assertThat(line.adjustments()).extracting(Adjustment::stage)
                .containsExactly(Stage.VOLUME, Stage.TERM, Stage.SEGMENT, Stage.PROMOTION, Stage.DISCOUNT);
        // 10 units at 0%, 23 at 10%: 230/33 % off = 93.0303; 5% term 88.3788; segment 80; 3% 77.6; 7% 72.168
        assertThat(line.adjustments()).extracting(step -> step.after().amount()).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("93.030303"), new BigDecimal("88.378788"), new BigDecimal("80.00"),
                        new BigDecimal("77.6000"), new BigDecimal("72.1680"));
        Money sum = line.listPrice();
        for (Adjustment step : line.adjustments()) {
            sum = sum.plus(step.delta());
        }
        assertThat(sum.amount()).isEqualByComparingTo(line.netPrice().amount());
    }

    @Test
    void totalsOfAThreeYearQuoteWithAOneTimeFee() {
        List<PricedLine> lines = List.of(crm(0, "10", "10"),
                line(1, "HW-GATEWAY", "HARDWARE", ChargeType.ONE_TIME, "2", "1200.00", "0"),
                line(2, "SVC-ONBOARD", "SERVICES", ChargeType.ONE_TIME, "7.5", "150.00", "0"));

        Totals totals = ENGINE.price(context(36), lines, PricingData.empty()).totals();

        assertThat(totals.oneTime().amount()).isEqualByComparingTo("3525.00");
        assertThat(totals.mrr().amount()).isEqualByComparingTo("900.00");
        assertThat(totals.arr().amount()).isEqualByComparingTo("10800.00");
        assertThat(totals.tcv().amount()).isEqualByComparingTo("35925.00");
        assertThat(totals.acv().amount()).isEqualByComparingTo("14325.00");
        assertThat(totals.discount().amount()).isEqualByComparingTo("3600.00");
    }

    @Test
    void acvOfATermShorterThanAYearIsTheWholeContract() {
        Totals totals = ENGINE.price(context(6), List.of(crm(0, "2", "0")), PricingData.empty()).totals();

        assertThat(totals.tcv().amount()).isEqualByComparingTo("1200.00");
        assertThat(totals.acv().amount()).isEqualByComparingTo("1200.00");
    }

    @Test
    void approvalsFollowTheDiscountThresholds() {
        List<ApprovalThreshold> thresholds = List.of(
                new ApprovalThreshold(ApprovalLevel.MANAGER, ApprovalMetric.LINE_DISCOUNT_PERCENT, new BigDecimal("10")),
                new ApprovalThreshold(ApprovalLevel.FINANCE, ApprovalMetric.LINE_DISCOUNT_PERCENT, new BigDecimal("25")),
                new ApprovalThreshold(ApprovalLevel.DEAL_DESK, ApprovalMetric.TCV, new BigDecimal("250000")));
        PricingData data = data(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), thresholds);

        assertThat(ENGINE.price(context(12), List.of(crm(0, "10", "10")), data).approvals()).isEmpty();
        assertThat(ENGINE.price(context(12), List.of(crm(0, "10", "15")), data).approvals())
                .containsExactly(new ApprovalRequirement(ApprovalLevel.MANAGER, ApprovalMetric.LINE_DISCOUNT_PERCENT,
                        new BigDecimal("10"), new BigDecimal("15"), "discount 15% on CRM-PRO is above 10%"));
        assertThat(ENGINE.price(context(12), List.of(crm(0, "10", "30")), data).approvals())
                .extracting(ApprovalRequirement::level).containsExactly(ApprovalLevel.MANAGER, ApprovalLevel.FINANCE);
        // a 3-year term discount is policy, not a rep's ask: it needs no approval
        PricingData withTerm = data(List.of(), List.of(new TermDiscount("3 years", 36, new BigDecimal("20"))), List.of(),
                List.of(), List.of(), List.of(), thresholds);
        assertThat(ENGINE.price(context(36), List.of(crm(0, "10", "0")), withTerm).approvals()).isEmpty();
        assertThat(ENGINE.price(context(36), List.of(crm(0, "100", "0")), data).approvals())
                .singleElement().satisfies(requirement -> {
                    assertThat(requirement.level()).isEqualTo(ApprovalLevel.DEAL_DESK);
                    assertThat(requirement.metric()).isEqualTo(ApprovalMetric.TCV);
                    assertThat(requirement.threshold()).isEqualByComparingTo("250000");
                    assertThat(requirement.actual()).isEqualByComparingTo("360000.00");
                    assertThat(requirement.reason()).isEqualTo("contract value 360000.00 is above 250000");
                });
    }

    @Test
    void ruleThatDoesNotCompileIsReportedWithTheCompilerMessage() {
        assertThatThrownBy(() -> PricingRules.compile(List.of(new RuleSource("broken.drl",
                "package dealdesk.pricing;\nrule \"broken\" when PricedLine( nosuchfield == 1 ) then end"))))
                .isInstanceOf(RulesCompileException.class)
                .hasMessageContaining("broken.drl");
    }
}
