package dealdesk.common.constraints;

import dealdesk.common.Dates;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A date kept as text in a request (a CSV cell, a field read as written): an ISO
 * date with a four-digit year that exists ({@link Dates#parse}); null is valid.
 */
@Documented
@Constraint(validatedBy = IsoDate.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface IsoDate {
    String message() default "must be " + Dates.EXPECTED + ", not {value}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<IsoDate, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Dates.parse(value).isPresent()) {
                return true;
            }
            Messages.withValue(context, value);
            return false;
        }
    }
}
