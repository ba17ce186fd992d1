package dealdesk.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;

/** How pages write money, percents and times for people (English, the pages' language). */
final class Format {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** 12000 USD -> $12,000.00; blank when there is no amount. */
    /** Money as a person reads it, in its own currency. */
    static String money(dealdesk.common.Money amount) {
        return amount == null ? "" : money(amount.amount(), amount.currency().getCurrencyCode());
    }

    /** Money as a person reads it; {@code currency} names the document's currency (for a null amount, nothing). */
    static String money(dealdesk.common.Money amount, String currency) {
        return amount == null ? "" : money(amount);
    }

    static String money(BigDecimal amount, String currency) {
        if (amount == null) {
            return "";
        }
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
        try {
            Currency unit = Currency.getInstance(currency);
            format.setCurrency(unit);
            format.setMinimumFractionDigits(Math.max(0, unit.getDefaultFractionDigits()));
            format.setMaximumFractionDigits(Math.max(0, unit.getDefaultFractionDigits()));
        } catch (IllegalArgumentException | NullPointerException e) {
            return amount.toPlainString() + (currency == null ? "" : " " + currency);
        }
        return format.format(amount);
    }

    /** A fraction as a percent: 0.875 -> 87.5%. */
    static String percent(BigDecimal fraction) {
        if (fraction == null) {
            return "—";
        }
        return fraction.movePointRight(2).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }

    /** PENDING_APPROVAL -> Pending approval */
    static String words(String constant) {
        if (constant == null || constant.isEmpty()) {
            return "";
        }
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
