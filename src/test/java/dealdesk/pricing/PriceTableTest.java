package dealdesk.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.common.Money;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Price tables: graduated (SLAB), volume (RANGE) and block prices, with unit
 * prices and flat fees, in USD, JPY (no minor unit) and BHD (three decimals).
 */
class PriceTableTest {
    static final PricingEngine ENGINE = new PricingEngine(PricingRules.load(Path.of("rules/pricing")));
    static final LocalDate START = LocalDate.of(2026, 11, 1);

    /** Up to 5 at 10.00 + 20.00 fee, up to 10 at 8.00 + 10.00 fee, then 6.25. */
    static List<VolumeTier> seatTiers() {
        return List.of(VolumeTier.unitPrice(new BigDecimal("5"), new BigDecimal("10.00"), new BigDecimal("20.00")),
                VolumeTier.unitPrice(new BigDecimal("10"), new BigDecimal("8.00"), new BigDecimal("10.00")),
                VolumeTier.unitPrice(null, new BigDecimal("6.25"), null));
    }

    /** Up to 10 for 500, up to 20 for 900, up to 50 for 2000. */
    static List<VolumeTier> blocks() {
        return List.of(VolumeTier.block(new BigDecimal("10"), new BigDecimal("500")),
                VolumeTier.block(new BigDecimal("20"), new BigDecimal("900")),
                VolumeTier.block(new BigDecimal("50"), new BigDecimal("2000")));
    }

    static VolumeSchedule table(VolumeMode mode, List<VolumeTier> tiers) {
        return new VolumeSchedule("API calls " + mode, "API", null, mode, false, "USD", tiers);
    }

    static PricingData with(VolumeSchedule schedule, TermDiscount... term) {
        return new PricingData(List.of(schedule), List.of(term), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    static PricedLine oneTime(String sku, String family, String quantity, String list, String currency) {
        return new PricedLine(0, sku, family, ChargeType.ONE_TIME, new BigDecimal(quantity), Money.of(list, currency),
                RequestedDiscount.NONE);
    }

    static LineResult price(VolumeSchedule schedule, String quantity) {
        return ENGINE.price(new QuoteContext("USD", null, "Acme", 1, START),
                List.of(oneTime("API", "PLATFORM", quantity, "12.00", "USD")), with(schedule)).lines().get(0);
    }

    @Test
    void graduatedInsideTheFirstTierIsItsUnitPriceAndFee() {
        LineResult line = price(table(VolumeMode.SLAB, seatTiers()), "3");
        // 3 x 10.00 + 20.00
        assertThat(line.netTotal().amount()).isEqualByComparingTo("50.00");
        assertThat(line.netPrice().amount()).isEqualByComparingTo("16.666667");
        assertThat(line.adjustments()).singleElement().satisfies(step -> {
            assertThat(step.stage()).isEqualTo(Stage.VOLUME);
            assertThat(step.kind()).isEqualTo(AdjustmentKind.OVERRIDE);
            assertThat(step.value()).isEqualByComparingTo("16.666667");
            assertThat(step.before().amount()).isEqualByComparingTo("12.00");
            assertThat(step.after().amount()).isEqualByComparingTo("16.666667");
        });
    }

    @Test
    void graduatedOnAnEdgeStaysInTheLowerTier() {
        // 5 x 10.00 + 20.00: the second tier is not entered, its fee not added
        assertThat(price(table(VolumeMode.SLAB, seatTiers()), "5").netTotal().amount()).isEqualByComparingTo("70.00");
    }

    @Test
    void graduatedAcrossTiersAddsEachTiersUnitsAndFees() {
        LineResult line = price(table(VolumeMode.SLAB, seatTiers()), "12");
        // 5 x 10 + 20, 5 x 8 + 10, 2 x 6.25 = 70 + 50 + 12.50
        assertThat(line.netTotal().amount()).isEqualByComparingTo("132.50");
        assertThat(line.netPrice().amount()).isEqualByComparingTo("11.041667");
    }

    @Test
    void graduatedFarPastTheLastTier() {
        // 70 + 50 + 990 x 6.25
        assertThat(price(table(VolumeMode.SLAB, seatTiers()), "1000").netTotal().amount()).isEqualByComparingTo("6307.50");
    }

    @Test
    void volumePricesEveryUnitAtTheTierReachedPlusItsFee() {
        VolumeSchedule range = table(VolumeMode.RANGE, seatTiers());
        assertThat(price(range, "3").netTotal().amount()).isEqualByComparingTo("50.00");
        assertThat(price(range, "5").netTotal().amount()).isEqualByComparingTo("70.00");
        // 6 units reach the second tier: 6 x 8.00 + 10.00
        assertThat(price(range, "6").netTotal().amount()).isEqualByComparingTo("58.00");
        assertThat(price(range, "12").netTotal().amount()).isEqualByComparingTo("75.00");
        assertThat(price(range, "1000").netTotal().amount()).isEqualByComparingTo("6250.00");
    }

    @Test
    void blockPriceIsTheWholeQuantitysBlock() {
        VolumeSchedule block = table(VolumeMode.BLOCK, blocks());
        assertThat(price(block, "3").netTotal().amount()).isEqualByComparingTo("500.00");
        assertThat(price(block, "10").netTotal().amount()).isEqualByComparingTo("500.00");
        assertThat(price(block, "11").netTotal().amount()).isEqualByComparingTo("900.00");
        assertThat(price(block, "11").netPrice().amount()).isEqualByComparingTo("81.818182");
        // past the last block, the last block's price
        assertThat(price(block, "1000").netTotal().amount()).isEqualByComparingTo("2000.00");
    }

    @Test
    void pooledGraduatedTableSharesThePoolsAmountByQuantity() {
        VolumeSchedule pooled = new VolumeSchedule("Platform pool", null, "PLATFORM", VolumeMode.SLAB, true, "USD",
                seatTiers());
        List<PricedLine> lines = List.of(
                new PricedLine(0, "API", "PLATFORM", ChargeType.ONE_TIME, new BigDecimal("7"), Money.of("12.00", "USD"),
                        RequestedDiscount.NONE),
                new PricedLine(1, "API-EU", "PLATFORM", ChargeType.ONE_TIME, new BigDecimal("5"), Money.of("12.00", "USD"),
                        RequestedDiscount.NONE));

        PricingOutcome outcome = ENGINE.price(new QuoteContext("USD", null, "Acme", 1, START), lines, with(pooled));

        // the pool of 12 costs 132.50: 7/12 and 5/12 of it
        assertThat(outcome.lines().get(0).netTotal().amount()).isEqualByComparingTo("77.29");
        assertThat(outcome.lines().get(1).netTotal().amount()).isEqualByComparingTo("55.21");
        assertThat(outcome.totals().oneTime().amount()).isEqualByComparingTo("132.50");
    }

    @Test
    void subscriptionTierPricesAreMonthlyAndTheTermDiscountComesAfter() {
        VolumeSchedule seats = new VolumeSchedule("Seats", "CRM-PRO", null, VolumeMode.SLAB, false, "USD", seatTiers());
        PricedLine line = new PricedLine(0, "CRM-PRO", "CRM", ChargeType.RECURRING, new BigDecimal("12"),
                Money.of("100.00", "USD"), RequestedDiscount.NONE);

        PricingOutcome outcome = ENGINE.price(new QuoteContext("USD", null, "Acme", 24, START), List.of(line),
                with(seats, new TermDiscount("2-year term", 24, new BigDecimal("5"))));

        LineResult result = outcome.lines().get(0);
        assertThat(result.adjustments()).extracting(Adjustment::stage).containsExactly(Stage.VOLUME, Stage.TERM);
        // 132.50 a month, 5% off: 125.875 -> 125.88 a month, for 24 months
        assertThat(result.totals().monthly().amount()).isEqualByComparingTo("125.88");
        assertThat(result.netTotal().amount()).isEqualByComparingTo("3021.12");
        assertThat(outcome.totals().arr().amount()).isEqualByComparingTo("1510.56");
    }

    @Test
    void aScheduleInAnotherCurrencyDoesNotApply() {
        VolumeSchedule euros = new VolumeSchedule("Seats EUR", "API", null, VolumeMode.RANGE, false, "EUR", seatTiers());
        assertThat(price(euros, "12").netTotal().amount()).isEqualByComparingTo("144.00");
    }

    @Test
    void yenTablesHaveNoMinorUnit() {
        VolumeSchedule yen = new VolumeSchedule("API JPY", "API", null, VolumeMode.RANGE, false, "JPY",
                List.of(VolumeTier.unitPrice(new BigDecimal("100"), new BigDecimal("1200"), null),
                        VolumeTier.unitPrice(null, new BigDecimal("990"), new BigDecimal("5000"))));
        LineResult line = ENGINE.price(new QuoteContext("JPY", null, "Acme", 1, START),
                List.of(oneTime("API", "PLATFORM", "150", "1300", "JPY")), with(yen)).lines().get(0);
        // 150 x 990 + 5000
        assertThat(line.netTotal().amount()).isEqualByComparingTo("153500");
        assertThat(line.netTotal().amount().scale()).isZero();
        assertThat(line.netPrice().amount()).isEqualByComparingTo("1023.333333");
    }

    @Test
    void bahrainiDinarTablesKeepThreeDecimals() {
        VolumeSchedule dinar = new VolumeSchedule("API BHD", "API", null, VolumeMode.SLAB, false, "BHD",
                List.of(VolumeTier.unitPrice(new BigDecimal("10"), new BigDecimal("1.125"), new BigDecimal("0.500")),
                        VolumeTier.unitPrice(null, new BigDecimal("0.975"), null)));
        LineResult line = ENGINE.price(new QuoteContext("BHD", null, "Acme", 1, START),
                List.of(oneTime("API", "PLATFORM", "15", "1.250", "BHD")), with(dinar)).lines().get(0);
        // 10 x 1.125 + 0.500 + 5 x 0.975 = 11.250 + 0.500 + 4.875
        assertThat(line.netTotal().amount()).isEqualByComparingTo("16.625");
        assertThat(line.netTotal().amount().scale()).isEqualTo(3);
    }

    @Test
    void anAmountPromotionAndAnAmountDiscountTakeMoneyOffEachUnit() {
        Promotion fiveOff = new Promotion("FIVE-OFF", "CRM-PRO", null, null, new BigDecimal("5.00"), "USD",
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));
        PricingData data = new PricingData(List.of(), List.of(), List.of(), List.of(), List.of(fiveOff), List.of(),
                List.of(new ApprovalThreshold(ApprovalLevel.MANAGER, ApprovalMetric.LINE_DISCOUNT_PERCENT,
                        new BigDecimal("10"))));
        PricedLine line = new PricedLine(0, "CRM-PRO", "CRM", ChargeType.RECURRING, new BigDecimal("10"),
                Money.of("100.00", "USD"), new RequestedDiscount(null, Money.of("11.40", "USD")));

        PricingOutcome outcome = ENGINE.price(new QuoteContext("USD", null, "Acme", 12, START), List.of(line), data);

        LineResult result = outcome.lines().get(0);
        // 100 - 5.00 promotion = 95.00, - 11.40 asked = 83.60; 11.40 of 95.00 is 12%
        assertThat(result.adjustments()).extracting(Adjustment::kind)
                .containsExactly(AdjustmentKind.AMOUNT, AdjustmentKind.AMOUNT);
        assertThat(result.netPrice().amount()).isEqualByComparingTo("83.60");
        assertThat(result.totals().monthly().amount()).isEqualByComparingTo("836.00");
        assertThat(outcome.approvals()).singleElement().satisfies(approval -> {
            assertThat(approval.actual()).isEqualByComparingTo("12");
            assertThat(approval.reason()).isEqualTo("discount 12% on CRM-PRO is above 10%");
        });
    }

    @Test
    void anAmountPromotionInAnotherCurrencyDoesNotApply() {
        Promotion fiveOff = new Promotion("FIVE-OFF", "CRM-PRO", null, null, new BigDecimal("5.00"), "EUR",
                LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31));
        PricingData data = new PricingData(List.of(), List.of(), List.of(), List.of(), List.of(fiveOff), List.of(), List.of());
        PricedLine line = new PricedLine(0, "CRM-PRO", "CRM", ChargeType.RECURRING, new BigDecimal("10"),
                Money.of("100.00", "USD"), RequestedDiscount.NONE);

        assertThat(ENGINE.price(new QuoteContext("USD", null, "Acme", 12, START), List.of(line), data).lines().get(0)
                .netPrice().amount()).isEqualByComparingTo("100.00");
    }
}
