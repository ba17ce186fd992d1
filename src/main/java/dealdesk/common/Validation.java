package dealdesk.common;

import io.dropwizard.jersey.validation.Validators;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects field errors while a request is checked, then throws them all at
 * once, so a client learns every problem in one round trip. The form of a
 * field is said by Bean Validation constraints on the request record
 * ({@link #check}); what needs several fields or the database is added by hand.
 */
public final class Validation {
    private static final Validator VALIDATOR = Validators.newValidator();

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
        Comparator<String> order = fieldOrder(bean.getClass());
        found.sort(Comparator.comparing((FieldError error) -> error.path().substring(prefix.length()), order)
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

    /**
     * Orders paths as their fields stand in {@code type} and the records it holds ({@code tiers.bands[1].from}:
     * tiers' place among the fields, then band 1, then from's place in a band), so a person reads the
     * problems top to bottom; a path that names no field comes after those that do.
     */
    public static Comparator<String> fieldOrder(Class<?> type) {
        return (left, right) -> compare(positions(type, left), positions(type, right));
    }

    private static List<Integer> positions(Class<?> root, String path) {
        List<Integer> positions = new ArrayList<>();
        java.lang.reflect.Type type = root;
        for (String part : path.replace("[", ".[").split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            if (part.startsWith("[") && part.endsWith("]") && part.length() > 2
                    && part.substring(1, part.length() - 1).chars().allMatch(Character::isDigit)) {
                positions.add(Integer.parseInt(part.substring(1, Math.min(part.length() - 1, 10))));
                type = type instanceof java.lang.reflect.ParameterizedType list
                        ? list.getActualTypeArguments()[0] : Object.class;
                continue;
            }
            java.lang.reflect.RecordComponent[] components = type instanceof Class<?> c && c.isRecord()
                    ? c.getRecordComponents() : new java.lang.reflect.RecordComponent[0];
            int position = components.length;
            type = Object.class;
            for (int i = 0; i < components.length; i++) {
                if (components[i].getName().equals(part)) {
                    position = i;
                    type = components[i].getGenericType();
                }
            }
            positions.add(position);
        }
        return positions;
    }

    private static int compare(List<Integer> left, List<Integer> right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int difference = Integer.compare(left.get(i), right.get(i));
            if (difference != 0) {
                return difference;
            }
        }
        return Integer.compare(left.size(), right.size());
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

    /** As {@link #throwIfInvalid()}, the problems in the order of the fields of {@code request} ({@link #fieldOrder}). */
    public void throwIfInvalid(Class<?> request) {
        if (!errors.isEmpty()) {
            List<FieldError> ordered = new ArrayList<>(errors);
            ordered.sort(Comparator.comparing(FieldError::path, fieldOrder(request)));
            throw ApiException.invalid(ordered);
        }
    }
}
