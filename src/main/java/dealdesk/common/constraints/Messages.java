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
        context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("value", literal(shown(value)));
    }

    /**
     * A parameter's value is interpolated too (EL included: {@code ${7*7}} would read 49): escaped, a
     * client's text reads as written.
     */
    static String literal(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '\\' || c == '{' || c == '}' || c == '$') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }

    static String shown(String value) {
        return Binding.shown(value);
    }
}
