package dealdesk.common;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Currency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MoneyTest {

    @Test
    void roundsHalfUpToTheMinorUnitOfTheCurrency() {
        assertThat(Money.of("7875.005", "USD").rounded().amount()).isEqualByComparingTo("7875.01");
        assertThat(Money.of("7875.004", "USD").rounded().amount()).isEqualByComparingTo("7875.00");
        assertThat(Money.of("1234.5", "JPY").rounded().amount()).isEqualByComparingTo("1235");
        assertThat(Money.of("1.2345", "KWD").rounded().amount()).isEqualByComparingTo("1.235");
    }

    @Test
    void keepsFullPrecisionUntilRounded() {
        Money rate = Money.of("50000", "USD").times(new BigDecimal("0.1575"));
        assertThat(rate.amount()).isEqualByComparingTo("7875.0000");
        assertThat(Money.of("100", "USD").dividedBy(new BigDecimal("3")).rounded().amount())
                .isEqualByComparingTo("33.33");
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.of("1", "USD").plus(Money.of("1", "EUR")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownCurrencyIsAValidationErrorOnTheCurrencyField() {
        assertThatThrownBy(() -> Money.currency("XYZ")).isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).details().get(0).path()).isEqualTo("currency"));
        assertThat(Money.isKnownCurrency("usd")).isFalse();
        assertThat(Money.currency("EUR")).isEqualTo(Currency.getInstance("EUR"));
    }

    @Test
    void bahrainiDinarsKeepThreeDecimalsAndYenNone() {
        assertThat(Money.of("10.0005", "BHD").rounded().amount()).isEqualByComparingTo("10.001");
        assertThat(Money.of("10.0005", "BHD").rounded().amount().scale()).isEqualTo(3);
        assertThat(Money.of("99.5", "JPY").rounded().amount().scale()).isZero();
        assertThat(Money.zero(Currency.getInstance("BHD")).amount().toPlainString()).isEqualTo("0.000");
        assertThat(Money.zero(Currency.getInstance("JPY")).amount().toPlainString()).isEqualTo("0");
    }

    @Test
    void moneyIsWrittenToJsonAsAPlainNumber() throws Exception {
        var mapper = Json.configure(new com.fasterxml.jackson.databind.ObjectMapper());
        record Line(Money netTotal) {
        }
        assertThat(mapper.writeValueAsString(new Line(Money.of("1234.50", "USD")))).isEqualTo("{\"netTotal\":1234.50}");
        assertThat(mapper.writeValueAsString(new Line(Money.of("1E+3", "JPY").rounded()))).isEqualTo("{\"netTotal\":1000}");
    }
}
