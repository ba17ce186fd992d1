package dealdesk.common.constraints;

import dealdesk.common.Money;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An ISO 4217 code dealdesk can hold money in ({@link Money#isKnownCurrency}); null is valid. */
@Documented
@Constraint(validatedBy = KnownCurrency.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface KnownCurrency {
    String message() default "unknown currency {value}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Check implements ConstraintValidator<KnownCurrency, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null || Money.isKnownCurrency(value)) {
                return true;
            }
            Messages.withValue(context, value);
            return false;
        }
    }
}
