package dealdesk.common;

import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Collects field errors while a request is checked, then throws them all at
 * once, so a client learns every problem in one round trip. The form of a
 * field is said by Bean Validation constraints on the request record
 * ({@link #check}); what needs several fields or the database is added by hand.
 */
public final class Validation {
    private static final Validator VALIDATOR = Validators.newValidator();
    private static final java.util.regex.Pattern INDEX = java.util.regex.Pattern.compile("\\[(\\d+)]");

    private final List<FieldError> errors = new ArrayList<>();

    public Validation require(boolean condition, String path, String message) {
        if (!condition) {
            add(path, message);
        }
        return this;
    }

    /** Records a problem; a field keeps its first problem only, the one a person should fix first. */
    public Validation add(String path, String message) {
        if (errors.stream().noneMatch(error -> error.path().equals(path))) {
            errors.add(new FieldError(path, message));
        }
        return this;
    }

    /** Adds problems found elsewhere (binding a document), each at its path. */
    public Validation addAll(List<FieldError> found) {
        found.forEach(error -> add(error.path(), error.message()));
        return this;
    }

    /**
     * Adds every constraint violation of {@code bean} at its JSON path under {@code prefix}
     * ({@code rows[2]} + {@code splits[0].percent}), in path order; true if there was none.
     */
    public boolean check(Object bean, String prefix) {
        List<FieldError> found = violations(bean, prefix);
        addAll(found);
        return found.isEmpty();
    }

    /** The constraint violations of {@code bean} as field errors under {@code prefix}, in path order. */
    public static List<FieldError> violations(Object bean, String prefix) {
        if (bean == null) {
            return List.of();
        }
        List<FieldError> found = new ArrayList<>();
        for (ConstraintViolation<Object> violation : VALIDATOR.validate(bean)) {
            found.add(new FieldError(join(prefix, path(violation.getPropertyPath())), violation.getMessage()));
        }
        found.sort(Comparator.comparing((FieldError error) -> sortable(error.path()))
                .thenComparing(FieldError::message));
        return found;
    }

    /**
     * A violation's path as the error contract writes it ({@code lines[3].quantity}), without the
     * resource method and parameter names Jersey puts in front; empty for the bean itself.
     */
    public static String path(Path path) {
        StringBuilder text = new StringBuilder();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                text.setLength(0);
                continue;
            }
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.CROSS_PARAMETER
                    || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getIndex() != null) {
                text.append('[').append(node.getIndex()).append(']');
            } else if (node.getKey() != null) {
                text.append(text.isEmpty() ? "" : ".").append(node.getKey());
            }
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                text.append(text.isEmpty() ? "" : ".").append(node.getName());
            }
        }
        return text.toString();
    }

    private static String join(String prefix, String path) {
        if (path.isEmpty()) {
            return prefix.isEmpty() ? "body" : prefix;
        }
        return prefix.isEmpty() || path.startsWith("[") ? prefix + path : prefix + "." + path;
    }

    /** Pads indices so that {@code rows[10]} sorts after {@code rows[9]}. */
    private static String sortable(String path) {
        Matcher matcher = INDEX.matcher(path);
        StringBuilder padded = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(padded, "[" + "0".repeat(Math.max(0, 10 - matcher.group(1).length()))
                    + matcher.group(1) + "]");
        }
        matcher.appendTail(padded);
        return padded.toString();
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public void throwIfInvalid() {
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
    }
}
