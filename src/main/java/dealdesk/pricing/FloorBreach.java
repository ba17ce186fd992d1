package dealdesk.pricing;

import dealdesk.common.Money;

/** Inserted by the floor rules: line {@code lineIndex} is priced at {@code price} a unit, below {@code floor}. */
public record FloorBreach(int lineIndex, String rule, Money floor, Money price) {
}
