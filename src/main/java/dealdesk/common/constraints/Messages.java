package dealdesk.common.constraints;

import dealdesk.common.Binding;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/**
 * Puts the refused value into a constraint's message as a parameter, never into
 * the template: a message template is interpolated, a client's text must not be.
 */
final class Messages {
    private Messages() {
    }

    static void withValue(ConstraintValidatorContext context, String value) {
        context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("value", shown(value));
    }

    static String shown(String value) {
        return Binding.shown(value);
    }
}
