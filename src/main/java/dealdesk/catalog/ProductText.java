package dealdesk.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.constraints.Size;

/** A product's text in one language; what is left out falls back to the product's default text. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductText(@Size(max = 200, message = "at most 200 characters") String name,
                          @Size(max = 2000, message = "at most 2000 characters") String description,
                          @Size(max = 32, message = "at most 32 characters") String unit) {
}
