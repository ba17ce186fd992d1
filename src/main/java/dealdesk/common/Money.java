package dealdesk.common;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency. The one place that owns money's scale and rounding:
 * results are rounded to the currency's minor unit, HALF_UP; intermediate
 * products keep their full precision until {@link #rounded()}. Mixing
 * currencies fails.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    /** Precision for divisions (rates, proration); 34 digits, far beyond any minor unit. */
    public static final MathContext DIVISION = MathContext.DECIMAL128;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount, currency);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), currency(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO.setScale(currency.getDefaultFractionDigits()), currency);
    }

    /** The ISO 4217 currency for a code, or a 422 naming nothing (callers add the path). */
    public static Currency currency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            throw ApiException.invalid("currency", "unknown currency " + code);
        }
        try {
            return Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("currency", "unknown currency " + code);
        }
    }

    public static boolean isKnownCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Rounds an amount to the currency's minor unit with the one rounding policy. */
    public static BigDecimal round(BigDecimal amount, Currency currency) {
        return amount.setScale(currency.getDefaultFractionDigits(), ROUNDING);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(BigDecimal factor) {
        return new Money(amount.multiply(factor), currency);
    }

    public Money times(long factor) {
        return new Money(amount.multiply(BigDecimal.valueOf(factor)), currency);
    }

    public Money dividedBy(BigDecimal divisor) {
        return new Money(amount.divide(divisor, DIVISION), currency);
    }

    public Money negate() {
        return new Money(amount.negate(), currency);
    }

    public Money rounded() {
        return new Money(round(amount, currency), currency);
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public Money max(Money other) {
        return compareTo(other) >= 0 ? this : other;
    }

    public Money min(Money other) {
        return compareTo(other) <= 0 ? this : other;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot mix " + currency + " and " + other.currency);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
