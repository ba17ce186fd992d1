package dealdesk.pricing;

/**
 * The waterfall's stages in the order they apply. Each stage is a Drools
 * agenda group of the same name (lower case) in {@code rules/pricing}; the
 * list price is the starting point, not a stage of its own.
 */
public enum Stage {
    VOLUME, TERM, SEGMENT, CONTRACT, PROMOTION, DISCOUNT, FLOOR;

    public String agendaGroup() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
