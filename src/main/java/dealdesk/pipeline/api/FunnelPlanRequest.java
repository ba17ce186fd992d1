package dealdesk.pipeline.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Map;

/** The body of {@code PUT /api/v1/funnel-plans/{username}/{period}}: planned deals per funnel stage. */
public record FunnelPlanRequest(
        @NotEmpty(message = "give planned deals per stage, like {\"stages\": {\"PROSPECTING\": 40}}")
        Map<@Pattern(regexp = "PROSPECTING|QUALIFIED|NEEDS_ANALYSIS|PROPOSAL|NEGOTIATION|CLOSED_WON",
                message = "not a funnel stage: use PROSPECTING, QUALIFIED, NEEDS_ANALYSIS, PROPOSAL, NEGOTIATION or CLOSED_WON")
                String,
                @NotNull(message = PLANNED) @Min(value = 0, message = PLANNED) @Max(value = MAX_PLANNED, message = PLANNED)
                Integer> stages) {

    /** No one plans a hundred thousand deals in a stage for one period. */
    public static final int MAX_PLANNED = 100_000;
    private static final String PLANNED = "a whole number of deals from 0 to " + MAX_PLANNED + " is required";
}
