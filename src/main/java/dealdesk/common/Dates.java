package dealdesk.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Dates in the API are ISO strings, {@code 2026-11-23}, with a four-digit year:
 * never day counts, never {@code +999999999-12-31}. Whether a date is sane for
 * its field (a close date no later than a horizon) is the caller's question,
 * answered with {@link #checkSane}.
 */
public final class Dates {
    /** Nothing in dealdesk happened before this day. */
    public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    public static final String EXPECTED = "a date like 2026-11-23";
    private static final Pattern ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Dates() {
    }

    /** The date, when {@code text} is an ISO date with a four-digit year that exists in the calendar. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String trimmed = text.strip();
        if (!ISO.matcher(trimmed).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(trimmed));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Adds an error at {@code path} unless {@code date} lies from {@link #EARLIEST} to {@code latest}
     * (for a close date: today plus the configured horizon). A null date is left to the caller.
     */
    public static Validation checkSane(LocalDate date, String path, LocalDate latest, Validation validation) {
        if (date != null && (date.isBefore(EARLIEST) || date.isAfter(latest))) {
            validation.add(path, "must be from " + EARLIEST + " to " + latest + ", got " + date);
        }
        return validation;
    }

    /** Throws 422 naming {@code path} unless {@code date} lies from {@link #EARLIEST} to {@code latest}. */
    public static LocalDate requireSane(LocalDate date, String path, LocalDate latest) {
        checkSane(date, path, latest, new Validation()).throwIfInvalid();
        return date;
    }
}
