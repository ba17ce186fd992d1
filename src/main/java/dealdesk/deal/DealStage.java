package dealdesk.deal;

/** A deal's stage with the win probability forecasts use. CANCELLED is a won deal undone later. */
public enum DealStage {
    PROSPECTING(10), QUALIFIED(20), NEEDS_ANALYSIS(30), PROPOSAL(50), NEGOTIATION(75),
    CLOSED_WON(100), CLOSED_LOST(0), CANCELLED(0);

    private final int probability;

    DealStage(int probability) {
        this.probability = probability;
    }

    public int probability() {
        return probability;
    }

    public boolean open() {
        return ordinal() <= NEGOTIATION.ordinal();
    }
}
