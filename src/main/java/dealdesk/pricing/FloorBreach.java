package dealdesk.pricing;

import java.math.BigDecimal;

/** Inserted by the floor rules: line {@code lineIndex} is priced below {@code floor}. */
public record FloorBreach(int lineIndex, String rule, BigDecimal floor, BigDecimal price) {
}
