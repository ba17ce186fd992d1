package dealdesk.deal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The customer account a deal is with. */
public record Account(
        @NotBlank(message = Account.NAME) @Size(max = 200, message = Account.NAME) String name,
        @Size(max = 2000, message = "at most 2000 characters") String industry) {
    static final String NAME = "an account name is required (at most 200 characters)";
}
