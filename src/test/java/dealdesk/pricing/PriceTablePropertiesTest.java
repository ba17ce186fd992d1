package dealdesk.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.common.Money;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;

/** A price table of one tier is just a unit price: every mode agrees with list price x quantity. */
class PriceTablePropertiesTest {
    static final Currency USD = Currency.getInstance("USD");

    @Property(tries = 300)
    void oneTierSlabEqualsOneTierRangeEqualsListPriceTimesQuantity(
            @ForAll @BigRange(min = "0.0001", max = "100000") @Scale(4) BigDecimal quantity,
            @ForAll @BigRange(min = "0", max = "10000") @Scale(6) BigDecimal unitPrice) {
        List<VolumeTier> oneTier = List.of(VolumeTier.unitPrice(null, unitPrice, null));
        Money slab = new VolumeSchedule("slab", "X", null, VolumeMode.SLAB, false, "USD", oneTier).amountFor(quantity, USD);
        Money range = new VolumeSchedule("range", "X", null, VolumeMode.RANGE, false, "USD", oneTier).amountFor(quantity, USD);
        Money listTimesQuantity = Money.of(unitPrice, USD).times(quantity);

        assertThat(slab.amount()).isEqualByComparingTo(listTimesQuantity.amount());
        assertThat(range.amount()).isEqualByComparingTo(listTimesQuantity.amount());
    }

    @Property(tries = 100)
    void aLineByAOneTierTableTotalsLikeTheSameLineAtListPrice(
            @ForAll @BigRange(min = "1", max = "100000") @Scale(0) BigDecimal quantity,
            @ForAll @BigRange(min = "0", max = "10000") @Scale(2) BigDecimal listPrice) {
        VolumeSchedule table = new VolumeSchedule("one tier", "X", null, VolumeMode.SLAB, false, "USD",
                List.of(VolumeTier.unitPrice(null, listPrice, null)));
        PricedLine priced = new PricedLine(0, "X", null, ChargeType.ONE_TIME, quantity, Money.of(listPrice, USD),
                RequestedDiscount.NONE);
        PricedLine unpriced = new PricedLine(0, "X", null, ChargeType.ONE_TIME, quantity, Money.of(listPrice, USD),
                RequestedDiscount.NONE);
        priced.applyVolume(table, quantity);

        assertThat(PricingEngine.result(priced, 1, USD).netTotal().amount())
                .isEqualByComparingTo(PricingEngine.result(unpriced, 1, USD).netTotal().amount());
    }
}
