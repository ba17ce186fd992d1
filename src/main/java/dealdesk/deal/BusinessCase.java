package dealdesk.deal;

/** Why the customer buys: the problem, its root cause, and the signs the deal is real. */
public record BusinessCase(String problem, String rootCause, Boolean budgetConfirmed, Boolean decisionMakerEngaged,
                           String compellingEvent) {

    public static BusinessCase empty() {
        return new BusinessCase(null, null, false, false, null);
    }
}
