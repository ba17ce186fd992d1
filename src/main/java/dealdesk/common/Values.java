package dealdesk.common;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Parsing text fields (CSV cells, query parameters) with the field's path in the error. */
public final class Values {
    /** No amount, price or quantity in dealdesk reaches a trillion; larger is a typo or an attack. */
    public static final BigDecimal ABSURD = new BigDecimal("1000000000000");

    private Values() {
    }

    public static BigDecimal decimal(String text, String path, Validation validation) {
        if (text == null) {
            validation.add(path, "a number is required");
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(text.trim());
            if (value.abs().compareTo(ABSURD) >= 0) {
                validation.add(path, "must be below 1,000,000,000,000");
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            validation.add(path, "not a number: " + text);
            return null;
        }
    }

    public static LocalDate date(String text, String path, Validation validation) {
        if (text == null) {
            validation.add(path, "a date like 2026-11-23 is required");
            return null;
        }
        return Dates.parse(text).orElseGet(() -> {
            validation.add(path, "not " + Dates.EXPECTED + ": " + text);
            return null;
        });
    }

    public static Boolean bool(String text, String path, Validation validation) {
        if (text == null) {
            return null;
        }
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> {
                validation.add(path, "expected true or false, got " + text);
                yield null;
            }
        };
    }

    public static <E extends Enum<E>> E enumValue(Class<E> type, String text, String path, Validation validation) {
        if (text == null) {
            validation.add(path, "required: one of " + java.util.Arrays.toString(type.getEnumConstants()));
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            validation.add(path, "expected one of " + java.util.Arrays.toString(type.getEnumConstants()) + ", got "
                    + text);
            return null;
        }
    }
}
