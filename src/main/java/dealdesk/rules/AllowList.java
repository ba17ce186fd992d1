package dealdesk.rules;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What uploaded rules of one base may name: the engine's fact and decision types, plain value
 * classes (java.lang strings and numbers, java.math, java.time, the collection interfaces an
 * accumulate returns, the one Money type), and the public members of those types whose results stay among them.
 * Everything else is refused, so there is no list of dangerous things to keep complete.
 */
final class AllowList {
    static final List<Class<?>> VALUE_TYPES = List.of(
            String.class, Integer.class, Long.class, Short.class, Byte.class, Double.class, Float.class,
            Boolean.class, Character.class, Number.class, Math.class,
            java.math.BigDecimal.class, java.math.BigInteger.class, java.math.RoundingMode.class,
            java.math.MathContext.class,
            java.time.LocalDate.class, java.time.LocalDateTime.class, java.time.LocalTime.class,
            java.time.Instant.class, java.time.Duration.class, java.time.Period.class, java.time.YearMonth.class,
            java.time.Year.class, java.time.MonthDay.class, java.time.DayOfWeek.class, java.time.Month.class,
            java.time.ZoneOffset.class, java.time.temporal.ChronoUnit.class,
            java.util.List.class, java.util.Set.class, java.util.Map.class, java.util.Collection.class,
            java.util.Currency.class, dealdesk.common.Money.class);

    /** Never callable, whatever type declares them: the doors to reflection, threads and the process. */
    private static final Set<String> NEVER = Set.of("getClass", "getDeclaringClass", "getClassLoader",
            "getContextClassLoader", "forName", "newInstance", "invoke", "exec", "exit", "halt", "load",
            "loadLibrary", "setAccessible", "getRuntime", "currentThread", "wait", "notify", "notifyAll",
            "finalize", "describeConstable", "resolveConstantDesc", "class");

    private static final Set<String> OBJECT_METHODS_ALLOWED = Set.of("toString", "equals", "hashCode");

    private final Map<String, Class<?>> bySimpleName = new HashMap<>();
    private final Map<String, Class<?>> byQualifiedName = new HashMap<>();
    private final Set<Class<?>> types = new HashSet<>();
    private final Set<String> members = new HashSet<>();

    AllowList(RuleBase base) {
        VALUE_TYPES.forEach(this::addType);
        base.factTypes().forEach(this::addTypeWithNested);
        for (Class<?> type : types) {
            collectMembers(type);
        }
    }

    private void addTypeWithNested(Class<?> type) {
        addType(type);
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (Modifier.isPublic(nested.getModifiers())) {
                addTypeWithNested(nested);
            }
        }
    }

    private void addType(Class<?> type) {
        types.add(type);
        bySimpleName.put(type.getSimpleName(), type);
        byQualifiedName.put(type.getCanonicalName(), type);
    }

    private void collectMembers(Class<?> type) {
        for (Method method : type.getMethods()) {
            String name = method.getName();
            if (NEVER.contains(name)) {
                continue;
            }
            if (method.getDeclaringClass() == Object.class && !OBJECT_METHODS_ALLOWED.contains(name)) {
                continue;
            }
            if (!staysAmongAllowed(method.getReturnType())) {
                continue;
            }
            members.add(name);
            if (method.getParameterCount() == 0) {
                property(name).ifPresent(members::add);
            }
        }
        for (Field field : type.getFields()) {
            if (!NEVER.contains(field.getName()) && staysAmongAllowed(field.getType())) {
                members.add(field.getName());
            }
        }
    }

    private boolean staysAmongAllowed(Class<?> type) {
        Class<?> element = type;
        while (element.isArray()) {
            element = element.getComponentType();
        }
        return element.isPrimitive() || element == Object.class || types.contains(element);
    }

    /** getPrice -> price, isRecurring -> recurring: the name a constraint uses for a getter. */
    private static java.util.Optional<String> property(String method) {
        for (String prefix : List.of("get", "is")) {
            if (method.length() > prefix.length() && method.startsWith(prefix)
                    && Character.isUpperCase(method.charAt(prefix.length()))) {
                String rest = method.substring(prefix.length());
                return java.util.Optional.of(rest.substring(0, 1).toLowerCase(Locale.ROOT) + rest.substring(1));
            }
        }
        return java.util.Optional.empty();
    }

    boolean isTypeName(String simpleName) {
        return bySimpleName.containsKey(simpleName);
    }

    boolean isQualifiedType(String qualifiedName) {
        return byQualifiedName.containsKey(qualifiedName);
    }

    boolean isMember(String name) {
        return members.contains(name) && !NEVER.contains(name);
    }

    /** An import target: a type of the list, or a nested type of one written with its outer type. */
    boolean isImportable(String target) {
        return byQualifiedName.containsKey(target);
    }
}
