package dealdesk.pricing;

import java.math.BigDecimal;

/** A band of a volume schedule: units up to {@code upTo} (inclusive; null = no limit) get {@code percent} off. */
public record VolumeTier(BigDecimal upTo, BigDecimal percent) {
}
