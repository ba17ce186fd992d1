package dealdesk.common;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A commission period: a month ({@code 2026-11}), a quarter ({@code 2026-Q4})
 * or a year ({@code 2026}). Quota and tiers reset at each period.
 */
public record Period(Type type, int year, int index) implements Comparable<Period> {

    public enum Type { MONTH, QUARTER, YEAR }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-[Qq]([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");

    public Period {
        if (year < 1900 || year > 9999) {
            throw ApiException.invalid("period", "year out of range: " + year);
        }
        int max = switch (type) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case YEAR -> 1;
        };
        if (index < 1 || index > max) {
            throw ApiException.invalid("period", "no " + type.name().toLowerCase(Locale.ROOT) + " " + index);
        }
    }

    /** Parses {@code 2026-Q4}, {@code 2026-11} or {@code 2026}; anything else is a 422 on {@code period}. */
    public static Period parse(String text) {
        if (text == null) {
            throw ApiException.invalid("period", "period is required, like 2026-Q4, 2026-11 or 2026");
        }
        Matcher m;
        if ((m = QUARTER.matcher(text)).matches()) {
            return new Period(Type.QUARTER, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = MONTH.matcher(text)).matches()) {
            return new Period(Type.MONTH, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        }
        if ((m = YEAR.matcher(text)).matches()) {
            return new Period(Type.YEAR, Integer.parseInt(m.group(1)), 1);
        }
        throw ApiException.invalid("period", "period must look like 2026-Q4, 2026-11 or 2026, not " + text);
    }

    /** The period of the given type that contains a date. */
    public static Period containing(Type type, LocalDate date) {
        return switch (type) {
            case MONTH -> new Period(type, date.getYear(), date.getMonthValue());
            case QUARTER -> new Period(type, date.getYear(), (date.getMonthValue() - 1) / 3 + 1);
            case YEAR -> new Period(type, date.getYear(), 1);
        };
    }

    public LocalDate start() {
        return switch (type) {
            case MONTH -> LocalDate.of(year, index, 1);
            case QUARTER -> LocalDate.of(year, (index - 1) * 3 + 1, 1);
            case YEAR -> LocalDate.of(year, 1, 1);
        };
    }

    /** The last day of the period, inclusive. */
    public LocalDate end() {
        return switch (type) {
            case MONTH -> YearMonth.of(year, index).atEndOfMonth();
            case QUARTER -> YearMonth.of(year, index * 3).atEndOfMonth();
            case YEAR -> LocalDate.of(year, 12, 31);
        };
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(start()) && !date.isAfter(end());
    }

    public Period next() {
        return containing(type, end().plusDays(1));
    }

    public Period previous() {
        return containing(type, start().minusDays(1));
    }

    @Override
    public int compareTo(Period other) {
        int byStart = start().compareTo(other.start());
        return byStart != 0 ? byStart : end().compareTo(other.end());
    }

    @Override
    public String toString() {
        return switch (type) {
            case MONTH -> String.format(Locale.ROOT, "%04d-%02d", year, index);
            case QUARTER -> String.format(Locale.ROOT, "%04d-Q%d", year, index);
            case YEAR -> String.format(Locale.ROOT, "%04d", year);
        };
    }
}
