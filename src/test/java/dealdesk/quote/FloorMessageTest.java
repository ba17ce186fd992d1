package dealdesk.quote;

import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.common.Money;
import dealdesk.pricing.Adjustment;
import dealdesk.pricing.AdjustmentKind;
import dealdesk.pricing.ChargeType;
import dealdesk.pricing.FloorBreach;
import dealdesk.pricing.LineResult;
import dealdesk.pricing.Stage;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A line below its floor says so in the quote's currency, with the largest discount the rep may give. */
class FloorMessageTest {

    static LineResult line(String beforeDiscount, String percent, String after) {
        return new LineResult(0, "CRM-PRO", ChargeType.values()[0], new BigDecimal("10"), usd("100"),
                usd(after), new LineResult.LineTotals(usd("0"), usd("0"), usd("0")),
                List.of(new Adjustment(Stage.DISCOUNT, "Requested discount", AdjustmentKind.values()[0],
                        new BigDecimal(percent), usd(beforeDiscount), usd(after))));
    }

    /** The message's amounts only: the currency in it is the quote's, passed to belowFloor. */
    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    @Test
    void fortyOnePointFivePercentOffAHundredIsBelowASixtyFloorAndFortyPercentIsTheMost() {
        FloorBreach breach = new FloorBreach(0, "Sales Cloud floor", usd("60.0000"), usd("58.5000"));
        assertThat(QuotePricer.belowFloor("CRM-PRO", breach, line("100.0000", "41.5", "58.5000"), "USD"))
                .isEqualTo("CRM-PRO at 58.50 USD is below its floor of 60.00 USD: the largest discount allowed is 40%"
                        + " (Sales Cloud floor)");
    }

    @Test
    void afterATermDiscountTheLargestDiscountIsCountedFromThePriceBeforeTheRepsDiscount() {
        // 95.00 after a 5% term discount; floor 60: at most 36.84% (95 x 0.6316 = 60.00)
        FloorBreach breach = new FloorBreach(0, "Sales Cloud floor", usd("60"), usd("47.5"));
        assertThat(QuotePricer.belowFloor("CRM-PRO", breach, line("95.0000", "50", "47.5000"), "EUR"))
                .contains("47.50 EUR is below its floor of 60.00 EUR: the largest discount allowed is 36.84%");
    }

    @Test
    void aPriceAlreadyAtTheFloorBeforeAnyDiscountAllowsNone() {
        FloorBreach breach = new FloorBreach(0, "Hardware floor", usd("70"), usd("65"));
        assertThat(QuotePricer.belowFloor("HW-GATEWAY", breach, line("70", "7.14", "65"), "JPY"))
                .isEqualTo("HW-GATEWAY at 65.00 JPY is below its floor of 70.00 JPY: no discount is allowed on it"
                        + " (Hardware floor)");
    }
}
