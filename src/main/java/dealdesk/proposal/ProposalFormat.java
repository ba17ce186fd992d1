package dealdesk.proposal;

import com.ibm.icu.text.DateFormat;
import com.ibm.icu.text.NumberFormat;
import com.ibm.icu.util.Currency;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.ULocale;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;

/**
 * Money, numbers and dates written for one locale with ICU: the quote's currency
 * in the locale's currency pattern, the locale's digits (Persian digits for fa)
 * and its calendar and date pattern. ICU formats are not thread-safe: one per document.
 */
final class ProposalFormat {
    private final ULocale locale;
    private final NumberFormat money;
    private final NumberFormat number;
    private final NumberFormat percent;
    private final DateFormat date;
    private final java.util.Currency currency;

    ProposalFormat(String languageTag, String currencyCode) {
        this.locale = ULocale.forLanguageTag(languageTag);
        this.money = NumberFormat.getCurrencyInstance(locale);
        this.currency = Money.currency(currencyCode);
        money.setCurrency(Currency.getInstance(currency.getCurrencyCode()));
        // the minor unit pricing rounds to (Money.round), so the page shows what was priced
        int digits = currency.getDefaultFractionDigits();
        money.setMinimumFractionDigits(digits);
        money.setMaximumFractionDigits(digits);
        this.number = NumberFormat.getNumberInstance(locale);
        number.setMaximumFractionDigits(4);
        this.percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(2);
        this.date = DateFormat.getDateInstance(DateFormat.LONG, locale);
        date.setTimeZone(TimeZone.GMT_ZONE);
    }

    ULocale locale() {
        return locale;
    }

    String money(Money amount) {
        // rounded by the one policy (HALF_UP) first: ICU would round half-even
        return amount == null ? "" : money.format(amount.rounded().amount());
    }

    /** A unit price: as priced, to at most six decimals (a tier price may not divide to cents). */
    String unitPrice(Money amount) {
        if (amount == null) {
            return "";
        }
        int digits = Math.min(6, Math.max(currency.getDefaultFractionDigits(), amount.amount().stripTrailingZeros().scale()));
        if (digits == currency.getDefaultFractionDigits()) {
            return money(amount);
        }
        NumberFormat precise = (NumberFormat) money.clone();
        precise.setMaximumFractionDigits(digits);
        return precise.format(amount.amount().setScale(digits, Money.ROUNDING));
    }

    String number(BigDecimal amount) {
        return amount == null ? "" : number.format(amount.stripTrailingZeros());
    }

    String number(long value) {
        return number.format(value);
    }

    /** 12.5 (percent) as the locale writes 12.5 %. */
    String percent(BigDecimal percentValue) {
        return percentValue == null ? "" : percent.format(percentValue.movePointLeft(2));
    }

    String date(LocalDate day) {
        return day == null ? "" : date.format(Date.from(day.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }
}
