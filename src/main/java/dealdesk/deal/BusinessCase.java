package dealdesk.deal;

import jakarta.validation.constraints.Size;

/** Why the customer buys: the problem, its root cause, and the signs the deal is real. */
public record BusinessCase(@Size(max = 2000, message = "at most 2000 characters") String problem,
                           @Size(max = 2000, message = "at most 2000 characters") String rootCause,
                           Boolean budgetConfirmed, Boolean decisionMakerEngaged,
                           @Size(max = 2000, message = "at most 2000 characters") String compellingEvent) {

    public static BusinessCase empty() {
        return new BusinessCase(null, null, false, false, null);
    }
}
