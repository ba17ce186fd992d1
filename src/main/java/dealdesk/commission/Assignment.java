package dealdesk.commission;

import java.time.LocalDate;

/** A user on a plan from {@code from} to {@code to} (inclusive; null is open-ended). */
public record Assignment(String username, String planId, LocalDate from, LocalDate to) {

    public boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
        return (to == null || otherFrom == null || !otherFrom.isAfter(to))
                && (otherTo == null || !from.isAfter(otherTo));
    }
}
