package dealdesk.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProposalFormatTest {

    @Test
    void persianUsesPersianDigitsAndSeparators() {
        ProposalFormat format = new ProposalFormat("fa", "USD");

        assertThat(format.number(36)).isEqualTo("۳۶");
        assertThat(format.money(Money.of("409550.00", "USD"))).contains("۴۰۹٬۵۵۰٫۰۰");
        assertThat(format.percent(new BigDecimal("12.5"))).contains("۱۲٫۵");
    }

    @Test
    void turkishWritesTheDecimalCommaAndTheLiraSign() {
        ProposalFormat format = new ProposalFormat("tr", "TRY");

        assertThat(format.money(Money.of("1250.5", "TRY"))).isEqualTo("₺1.250,50");
        assertThat(format.date(LocalDate.of(2026, 12, 31))).isEqualTo("31 Aralık 2026");
    }

    @Test
    void yenHasNoMinorUnitAndJapaneseDatesUseTheirCharacters() {
        ProposalFormat format = new ProposalFormat("ja", "JPY");

        assertThat(format.money(Money.of("10938", "JPY"))).isEqualTo("￥10,938");
        assertThat(format.date(LocalDate.of(2026, 12, 31))).isEqualTo("2026年12月31日");
    }

    @Test
    void quantitiesDropTrailingZeros() {
        ProposalFormat format = new ProposalFormat("en", "USD");

        assertThat(format.number(new BigDecimal("12.500"))).isEqualTo("12.5");
        assertThat(format.money(Money.of("10937.5", "USD"))).isEqualTo("$10,937.50");
    }

    @Test
    void aTierUnitPriceThatDoesNotDivideToCentsShowsItsSixDecimals() {
        ProposalFormat format = new ProposalFormat("en", "USD");

        assertThat(format.unitPrice(Money.of("7.333333", "USD"))).isEqualTo("$7.333333");
        assertThat(format.unitPrice(Money.of("7.50", "USD"))).isEqualTo("$7.50");
        assertThat(new ProposalFormat("ja", "JPY").unitPrice(Money.of("1000", "JPY"))).isEqualTo("￥1,000");
    }

    @Test
    void aFourDecimalUnitPriceIsRoundedHalfUpLikePricing() {
        ProposalFormat format = new ProposalFormat("en", "USD");

        assertThat(format.money(Money.of("1093.7450", "USD"))).isEqualTo("$1,093.75");
    }
}
