package dealdesk.common.constraints;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * A decimal within a business range, with at most {@code scale} decimals: one
 * constraint instead of three, so a field reports one problem, the first a
 * person should fix (sign, then size, then decimals). Null is valid (add
 * {@code @NotNull}). {@code message}, when given, is said of a value out of
 * range (and of a fraction where {@code scale} is 0: a whole number).
 */
@Documented
@Constraint(validatedBy = InRange.Check.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface InRange {
    String min() default "0";

    boolean minInclusive() default true;

    String max();

    boolean maxInclusive() default false;

    int scale() default 6;

    String message() default "";

    /** What to say of a value below {@code min}, when the default would not help ("cancel the deal to claw back"). */
    String belowMin() default "";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** No amount in dealdesk reaches a trillion. */
    String TRILLION = "1000000000000";
    /** No booking or estimate line has a billion units. */
    String BILLION = "1000000000";

    final class Check implements ConstraintValidator<InRange, BigDecimal> {
        private BigDecimal min;
        private BigDecimal max;
        private InRange range;

        @Override
        public void initialize(InRange annotation) {
            range = annotation;
            min = new BigDecimal(annotation.min());
            max = new BigDecimal(annotation.max());
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            String problem = problem(value);
            if (problem == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            HibernateConstraintValidatorContext hibernate = context.unwrap(HibernateConstraintValidatorContext.class);
            hibernate.addMessageParameter("value", abbreviate(value));
            hibernate.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
            return false;
        }

        private String problem(BigDecimal value) {
            int low = value.compareTo(min);
            if (low < 0 || (low == 0 && !range.minInclusive())) {
                if (!range.belowMin().isEmpty()) {
                    return range.belowMin();
                }
                if (!range.message().isEmpty()) {
                    return range.message();
                }
                if (min.signum() == 0) {
                    return range.minInclusive() ? "must not be negative" : "must be above 0";
                }
                return "must be " + (range.minInclusive() ? "at least " : "above ") + plain(min) + ", not {value}";
            }
            int high = value.compareTo(max);
            if (high > 0 || (high == 0 && !range.maxInclusive())) {
                if (!range.message().isEmpty()) {
                    return range.message();
                }
                return "must be " + (range.maxInclusive() ? "at most " : "below ") + plain(max) + ", not {value}";
            }
            if (value.stripTrailingZeros().scale() > range.scale()) {
                if (range.scale() == 0 && !range.message().isEmpty()) {
                    return range.message();
                }
                return range.scale() == 0 ? "must be a whole number" : "at most " + range.scale() + " decimal places";
            }
            return null;
        }

        /** 1000000000000 as 1,000,000,000,000. */
        private static String plain(BigDecimal number) {
            return number.scale() <= 0 && number.abs().compareTo(BigDecimal.valueOf(10000)) >= 0
                    ? String.format("%,d", number.toBigInteger()) : number.toPlainString();
        }

        private static String abbreviate(BigDecimal value) {
            // 1e100000 written out would be a 100 KB message
            if (value.precision() - value.scale() > 20 || value.scale() > 20) {
                return value.toString();
            }
            return value.toPlainString();
        }
    }
}
