package dealdesk.proposal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProposalFormatTest {

    @Test
    void persianUsesPersianDigitsAndSeparators() {
        ProposalFormat format = new ProposalFormat("fa", "USD");

        assertThat(format.number(36)).isEqualTo("۳۶");
        assertThat(format.money(new BigDecimal("409550.00"))).contains("۴۰۹٬۵۵۰٫۰۰");
        assertThat(format.percent(new BigDecimal("12.5"))).contains("۱۲٫۵");
    }

    @Test
    void turkishWritesTheDecimalCommaAndTheLiraSign() {
        ProposalFormat format = new ProposalFormat("tr", "TRY");

        assertThat(format.money(new BigDecimal("1250.5"))).isEqualTo("₺1.250,50");
        assertThat(format.date(LocalDate.of(2026, 12, 31))).isEqualTo("31 Aralık 2026");
    }

    @Test
    void yenHasNoMinorUnitAndJapaneseDatesUseTheirCharacters() {
        ProposalFormat format = new ProposalFormat("ja", "JPY");

        assertThat(format.money(new BigDecimal("10938"))).isEqualTo("￥10,938");
        assertThat(format.date(LocalDate.of(2026, 12, 31))).isEqualTo("2026年12月31日");
    }

    @Test
    void quantitiesDropTrailingZeros() {
        ProposalFormat format = new ProposalFormat("en", "USD");

        assertThat(format.number(new BigDecimal("12.500"))).isEqualTo("12.5");
        assertThat(format.money(new BigDecimal("10937.5"))).isEqualTo("$10,937.50");
    }

    @Test
    void aFourDecimalUnitPriceIsRoundedHalfUpLikePricing() {
        ProposalFormat format = new ProposalFormat("en", "USD");

        assertThat(format.money(new BigDecimal("1093.7450"))).isEqualTo("$1,093.75");
    }
}
