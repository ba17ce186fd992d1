package dealdesk.common;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects field errors while a request is checked, then throws them all at
 * once, so a client learns every problem in one round trip.
 */
public final class Validation {
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
