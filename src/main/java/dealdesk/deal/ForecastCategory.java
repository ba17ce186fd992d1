package dealdesk.deal;

/**
 * Where a deal stands in the forecast. Each stage has a default (early stages
 * PIPELINE, PROPOSAL BEST_CASE, NEGOTIATION COMMIT, won CLOSED, lost OMITTED);
 * the rep may set another on an open deal until its stage changes again.
 */
public enum ForecastCategory {
    PIPELINE, BEST_CASE, COMMIT, OMITTED, CLOSED;

    public static ForecastCategory of(DealStage stage) {
        return switch (stage) {
            case PROSPECTING, QUALIFIED, NEEDS_ANALYSIS -> PIPELINE;
            case PROPOSAL -> BEST_CASE;
            case NEGOTIATION -> COMMIT;
            case CLOSED_WON -> CLOSED;
            case CLOSED_LOST, CANCELLED -> OMITTED;
        };
    }
}
