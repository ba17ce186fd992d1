package dealdesk.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.demo.DealDemo;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo pricing data through the demo rules, one stage at a time, with the demo catalog's list prices. */
class DemoPricingTest {
    static final PricingEngine ENGINE = new PricingEngine(PricingRules.load(Path.of("rules/pricing")));
    static final PricingData DEMO = DealDemo.pricingData();

    static PricingOutcome price(String segment, String account, int termMonths, String startDate, PricedLine... lines) {
        return ENGINE.price(new QuoteContext("USD", segment, account, termMonths, LocalDate.parse(startDate)),
                List.of(lines), DEMO);
    }

    static PricedLine line(int index, String sku, String family, ChargeType type, String quantity, String list, String discount) {
        return new PricedLine(index, sku, family, type, new BigDecimal(quantity), Money.of(list, "USD"),
                RequestedDiscount.percent(new BigDecimal(discount)));
    }

    static PricedLine crmPro(int index, String seats, String discount) {
        return line(index, "CRM-PRO", "CRM", ChargeType.RECURRING, seats, "100", discount);
    }

    @Test
    void salesCloudSeatsArePooledAcrossEditionsInSlabs() {
        // 150 CRM-PRO + 250 CRM-STD = 400 pooled seats: 100 at 0%, 300 at 5% -> 3.75% off every CRM seat
        PricingOutcome outcome = price("COMMERCIAL", "Acme", 12, "2026-11-01", crmPro(0, "150", "0"),
                line(1, "CRM-STD", "CRM", ChargeType.RECURRING, "250", "50", "0"));

        assertThat(outcome.lines().get(0).adjustments()).singleElement().satisfies(step -> {
            assertThat(step.rule()).isEqualTo("Sales Cloud seats");
            assertThat(step.value()).isEqualByComparingTo("3.75");
        });
        assertThat(outcome.lines().get(0).netPrice().amount()).isEqualByComparingTo("96.25");
        assertThat(outcome.lines().get(1).netPrice().amount()).isEqualByComparingTo("48.125");
    }

    @Test
    void scannersGetTheRangeTheirQuantityReaches() {
        PricingOutcome outcome = price("COMMERCIAL", "Acme", 12, "2026-11-01",
                line(0, "HW-SCANNER", "HARDWARE", ChargeType.ONE_TIME, "40", "350", "0"));

        assertThat(outcome.lines().get(0).netPrice().amount()).isEqualByComparingTo("322.00");
        assertThat(outcome.totals().oneTime().amount()).isEqualByComparingTo("12880.00");
    }

    @Test
    void threeYearTermTakesTenPercentOffSubscriptions() {
        LineResult line = price("COMMERCIAL", "Acme", 36, "2026-11-01", crmPro(0, "10", "0")).lines().get(0);

        assertThat(line.adjustments()).singleElement().satisfies(step -> assertThat(step.rule()).isEqualTo("3-year term"));
        assertThat(line.netPrice().amount()).isEqualByComparingTo("90.00");
    }

    @Test
    void educationCustomersGetTheirSegmentPrice() {
        LineResult line = price("EDUCATION", "Wayne Academy", 12, "2027-02-01", crmPro(0, "300", "0")).lines().get(0);

        // 300 pooled seats: 100 at 0%, 200 at 5% -> 96.666667, then the education price of 70
        assertThat(line.adjustments()).extracting(Adjustment::stage).containsExactly(Stage.VOLUME, Stage.SEGMENT);
        assertThat(line.adjustments().get(0).after().amount()).isEqualByComparingTo("96.666667");
        assertThat(line.netPrice().amount()).isEqualByComparingTo("70");
    }

    @Test
    void globexPaysItsContractedEnterprisePrice() {
        LineResult line = price("ENTERPRISE", "Globex Corporation", 36, "2026-10-01",
                line(0, "CRM-ENT", "CRM", ChargeType.RECURRING, "120", "175", "0")).lines().get(0);

        assertThat(line.adjustments()).extracting(Adjustment::stage).containsExactly(Stage.VOLUME, Stage.TERM, Stage.CONTRACT);
        assertThat(line.netPrice().amount()).isEqualByComparingTo("150");
    }

    @Test
    void analyticsPromotionRunsOnlyInTheFourthQuarter() {
        PricedLine inQ4 = line(0, "AN-DASH", "ANALYTICS", ChargeType.RECURRING, "20", "30", "0");
        PricedLine inJanuary = line(0, "AN-DASH", "ANALYTICS", ChargeType.RECURRING, "20", "30", "0");

        assertThat(price("COMMERCIAL", "Acme", 12, "2026-12-31", inQ4).lines().get(0).netPrice().amount()).isEqualByComparingTo("25.50");
        assertThat(price("COMMERCIAL", "Acme", 12, "2027-01-01", inJanuary).lines().get(0).adjustments()).isEmpty();
    }

    @Test
    void repDiscountAboveTenPercentNeedsTheManagerAboveTwentyFiveFinance() {
        assertThat(price("COMMERCIAL", "Acme", 12, "2026-11-01", crmPro(0, "10", "10")).approvals()).isEmpty();
        assertThat(price("COMMERCIAL", "Acme", 12, "2026-11-01", crmPro(0, "10", "10.5")).approvals())
                .extracting(ApprovalRequirement::level).containsExactly(ApprovalLevel.MANAGER);
        assertThat(price("COMMERCIAL", "Acme", 12, "2026-11-01", crmPro(0, "10", "26")).approvals())
                .extracting(ApprovalRequirement::level).containsExactly(ApprovalLevel.MANAGER, ApprovalLevel.FINANCE);
    }

    @Test
    void contractsAboveHalfAMillionGoToTheDealDesk() {
        // 500 seats for 12 months: 100 at 0%, 400 at 5% -> 96.00 x 500 x 12 = 576,000
        PricingOutcome outcome = price("COMMERCIAL", "Acme", 12, "2026-11-01", crmPro(0, "500", "0"));

        assertThat(outcome.totals().tcv().amount()).isEqualByComparingTo("576000.00");
        assertThat(outcome.approvals()).extracting(ApprovalRequirement::level).containsExactly(ApprovalLevel.DEAL_DESK);
    }

    @Test
    void aSalesCloudLineBelowSixtyPercentOfListIsBlocked() {
        PricingOutcome outcome = price("COMMERCIAL", "Acme", 12, "2026-11-01", crmPro(0, "10", "41"), crmPro(1, "10", "40"));

        assertThat(outcome.floorBreaches()).singleElement().satisfies(breach -> {
            assertThat(breach.lineIndex()).isZero();
            assertThat(breach.rule()).isEqualTo("Sales Cloud floor");
            assertThat(breach.floor().amount()).isEqualByComparingTo("60");
        });
    }
}
