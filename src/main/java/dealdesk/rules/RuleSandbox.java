package dealdesk.rules;

import dealdesk.common.FieldError;
import dealdesk.rules.CodeScanner.Kind;
import dealdesk.rules.CodeScanner.Violation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.BindingDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.EntryPointDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.MVELExprDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * The check an uploaded rule text passes before anything compiles or runs it. The text is
 * parsed with Drools' own DRL parser; then every part of the tree is held against an
 * allow-list: the package is the base's, imports name allowed types, there are no globals,
 * functions, declared types, queries of other kinds or rule units, rule attributes are plain
 * literals, and every name in a constraint, an accumulate or a consequence is an allowed type,
 * member, binding or local ({@link CodeScanner}). Any construct the walk does not know is
 * refused too, so a new Drools feature cannot slip through unchecked.
 */
public final class RuleSandbox {
    private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("sum", "count", "min", "max", "average",
            "collectList", "collectSet");
    private static final Set<String> PATTERN_ANNOTATIONS = Set.of("watch");
    private static final Set<String> WILDCARD_PACKAGES = Set.of("java.math", "java.time", "java.time.temporal",
            "java.util", "java.lang");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,9}");
    private static final Pattern EXPANDER = Pattern.compile("(?m)^\\s*expander\\b");
    private static final Pattern UNICODE_ESCAPE = Pattern.compile("\\\\u+[0-9a-fA-F]{4}");

    private static final Map<RuleBase, RuleSandbox> SANDBOXES = new EnumMap<>(RuleBase.class);

    private final RuleBase base;
    private final AllowList allowList;
    private final CodeScanner scanner;

    private RuleSandbox(RuleBase base) {
        this.base = base;
        this.allowList = new AllowList(base);
        this.scanner = new CodeScanner(allowList);
    }

    public static synchronized RuleSandbox of(RuleBase base) {
        return SANDBOXES.computeIfAbsent(base, RuleSandbox::new);
    }

    /** Every problem found, as {@code {path: "drl", message: "line 12, column 5: ..."}}; empty when allowed. */
    public List<FieldError> check(String drl) {
        List<Violation> violations = new ArrayList<>();
        textChecks(drl, violations);
        if (violations.isEmpty()) {
            DrlParser parser = new DrlParser();
            PackageDescr packageDescr;
            try {
                packageDescr = parser.parse(false, drl);
            } catch (DroolsParserException | RuntimeException e) {
                return List.of(new FieldError("drl", "the rules cannot be parsed: " + e.getMessage()));
            }
            if (parser.hasErrors() || packageDescr == null) {
                for (DroolsError error : parser.getErrors()) {
                    violations.add(parserError(error));
                }
                if (violations.isEmpty()) {
                    violations.add(new Violation(1, 1, "the rules cannot be parsed"));
                }
            } else {
                walk(packageDescr, drl, violations);
            }
        }
        return violations.stream()
                .sorted(Comparator.comparingInt(Violation::line).thenComparingInt(Violation::column))
                .distinct()
                .map(violation -> new FieldError("drl", "line " + violation.line() + ", column " + violation.column()
                        + ": " + violation.message()))
                .toList();
    }

    private static Violation parserError(DroolsError error) {
        if (error instanceof ParserError parse) {
            return new Violation(Math.max(parse.getRow(), 1), Math.max(parse.getCol(), 0) + 1, parse.getMessage());
        }
        int[] lines = error.getLines();
        return new Violation(lines != null && lines.length > 0 ? Math.max(lines[0], 1) : 1, 1, error.getMessage());
    }

    private static void textChecks(String drl, List<Violation> violations) {
        Matcher escape = UNICODE_ESCAPE.matcher(drl);
        while (escape.find()) {
            violations.add(new Violation(lineOf(drl, escape.start()), columnOf(drl, escape.start()),
                    "unicode escapes are not allowed in rules: write the character itself"));
        }
        Matcher expander = EXPANDER.matcher(drl);
        if (expander.find()) {
            violations.add(new Violation(lineOf(drl, expander.start()), 1, "DSL expanders are not allowed"));
        }
    }

    private void walk(PackageDescr pkg, String drl, List<Violation> violations) {
        if (!base.drlPackage().equals(pkg.getName())) {
            violations.add(new Violation(Math.max(pkg.getLine(), 1), 1, "the package must be " + base.drlPackage()
                    + ", not " + (pkg.getName() == null || pkg.getName().isEmpty() ? "none" : pkg.getName())));
        }
        for (ImportDescr importDescr : pkg.getImports()) {
            String target = importDescr.getTarget();
            boolean allowed = target.endsWith(".*")
                    ? WILDCARD_PACKAGES.contains(target.substring(0, target.length() - 2))
                    || target.equals(base.drlPackage() + ".*")
                    : allowList.isImportable(target);
            if (!allowed) {
                violations.add(at(importDescr, "import " + target + " is not allowed: rules may use only the engine's"
                        + " facts and plain values (java.lang strings and numbers, java.math, java.time)"));
            }
        }
        refuseAll(pkg.getGlobals(), "globals are not allowed", violations);
        refuseAll(pkg.getFunctions(), "functions are not allowed: put logic in the engine's facts", violations);
        refuseAll(pkg.getFunctionImports(), "function imports are not allowed", violations);
        refuseAll(pkg.getAccumulateImports(), "accumulate imports are not allowed", violations);
        refuseAll(pkg.getTypeDeclarations(), "declared types are not allowed", violations);
        refuseAll(pkg.getEnumDeclarations(), "declared enums are not allowed", violations);
        refuseAll(pkg.getEntryPointDeclarations(), "entry point declarations are not allowed", violations);
        refuseAll(pkg.getWindowDeclarations(), "window declarations are not allowed", violations);
        if (pkg.getUnit() != null) {
            violations.add(at(pkg.getUnit(), "rule units are not allowed"));
        }
        for (AttributeDescr attribute : pkg.getAttributes()) {
            attribute(attribute, violations);
        }
        for (RuleDescr rule : pkg.getRules()) {
            rule(rule, drl, violations);
        }
    }

    private void rule(RuleDescr rule, String drl, List<Violation> violations) {
        if (rule.isQuery()) {
            violations.add(at(rule, "queries are not allowed"));
            return;
        }
        if (rule.getUnit() != null) {
            violations.add(at(rule, "rule units are not allowed"));
        }
        annotations(rule, Set.of(), violations);
        for (AttributeDescr attribute : rule.getAttributes().values()) {
            attribute(attribute, violations);
        }
        lhs(rule.getLhs(), violations);
        consequence(rule.getConsequence(), rule, drl, violations);
        for (Object named : rule.getNamedConsequences().values()) {
            consequence(named, rule, drl, violations);
        }
    }

    /** The parser hands the consequence over trimmed: find it after its rule's {@code then} for true positions. */
    private void consequence(Object consequence, RuleDescr rule, String drl, List<Violation> violations) {
        if (consequence == null) {
            return;
        }
        if (!(consequence instanceof String code)) {
            violations.add(at(rule, "this kind of consequence is not allowed"));
            return;
        }
        int from = offsetOfLine(drl, Math.max(rule.getConsequenceLine(), rule.getLine()));
        int offset = code.isEmpty() ? -1 : drl.indexOf(code, from);
        if (offset < 0) {
            offset = drl.indexOf(code);
        }
        int line = offset < 0 ? Math.max(rule.getConsequenceLine(), 1) : lineOf(drl, offset);
        int column = offset < 0 ? 1 : columnOf(drl, offset);
        violations.addAll(scanner.scan(code, Kind.CONSEQUENCE, line, column));
    }

    private static int offsetOfLine(String text, int line) {
        int offset = 0;
        for (int current = 1; current < line && offset >= 0; current++) {
            offset = text.indexOf('\n', offset);
            offset = offset < 0 ? -1 : offset + 1;
        }
        return Math.max(offset, 0);
    }

    private void attribute(AttributeDescr attribute, List<Violation> violations) {
        String name = attribute.getName();
        String value = attribute.getValue() == null ? "" : attribute.getValue().trim();
        switch (name) {
            case "no-loop", "lock-on-active", "auto-focus" -> {
                if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) {
                    violations.add(at(attribute, name + " must be true or false"));
                }
            }
            case "enabled" -> {
                if (!value.equals("true") && !value.equals("false")) {
                    violations.add(at(attribute, "enabled must be true or false, not an expression"));
                }
            }
            case "salience" -> {
                if (!INTEGER.matcher(value).matches()) {
                    violations.add(at(attribute, "salience must be a whole number, not an expression"));
                }
            }
            case "agenda-group", "ruleflow-group", "activation-group", "date-effective", "date-expires" -> {
                if (attribute.getType() != AttributeDescr.Type.STRING && attribute.getType() != AttributeDescr.Type.DATE) {
                    violations.add(at(attribute, name + " must be a quoted string"));
                }
            }
            case "dialect" -> {
                if (!value.equals("java")) {
                    violations.add(at(attribute, "only the java dialect is allowed, not " + value));
                }
            }
            default -> violations.add(at(attribute, "the attribute " + name + " is not allowed"));
        }
    }

    private void annotations(AnnotatedBaseDescr descr, Set<String> allowed, List<Violation> violations) {
        for (AnnotationDescr annotation : descr.getAnnotations()) {
            if (!allowed.contains(annotation.getName())) {
                violations.add(at(descr, "the annotation @" + annotation.getName() + " is not allowed"));
                continue;
            }
            Object value = annotation.getValue();
            if (value != null) {
                violations.addAll(scanner.scan(value.toString(), Kind.CONSTRAINT, line(descr), 1));
            }
        }
    }

    private void lhs(BaseDescr descr, List<Violation> violations) {
        if (descr == null) {
            return;
        }
        if (descr instanceof AndDescr || descr instanceof OrDescr || descr instanceof NotDescr
                || descr instanceof ExistsDescr || descr instanceof ForallDescr) {
            List<? extends BaseDescr> children = ((org.drools.drl.ast.descr.ConditionalElementDescr) descr).getDescrs();
            for (BaseDescr child : children) {
                lhs(child, violations);
            }
        } else if (descr instanceof PatternDescr pattern) {
            pattern(pattern, violations);
        } else {
            violations.add(at(descr, "this condition is not allowed in rules (" + kind(descr) + ")"));
        }
    }

    private void pattern(PatternDescr pattern, List<Violation> violations) {
        String type = pattern.getObjectType();
        // "Object" is what the parser names the result of a bare accumulate( ...; $x : sum(...) )
        if (type != null && !type.equals("Object")) {
            violations.addAll(scanner.scan(type, Kind.CONSTRAINT, line(pattern), column(pattern)));
        }
        annotations(pattern, PATTERN_ANNOTATIONS, violations);
        for (BaseDescr constraint : pattern.getDescrs()) {
            if (constraint instanceof ExprConstraintDescr expression) {
                violations.addAll(scanner.scan(expression.getExpression(), Kind.CONSTRAINT, line(constraint),
                        column(constraint)));
            } else if (constraint instanceof BindingDescr binding) {
                violations.addAll(scanner.scan(binding.getExpression(), Kind.CONSTRAINT, line(constraint),
                        column(constraint)));
            } else {
                violations.add(at(constraint, "this constraint is not allowed in rules (" + kind(constraint) + ")"));
            }
        }
        PatternSourceDescr source = pattern.getSource();
        if (source == null || source instanceof EntryPointDescr) {
            return;
        }
        int sourceLine = source.getLine() > 0 ? line(source) : line(pattern);
        if (source instanceof GroupByDescr) {
            violations.add(new Violation(sourceLine, 1, "groupby is not allowed in rules"));
        } else if (source instanceof AccumulateDescr accumulate) {
            accumulate(accumulate, sourceLine, violations);
        } else if (source instanceof CollectDescr collect) {
            lhs(collect.getInputPattern(), violations);
        } else if (source instanceof FromDescr from) {
            if (from.getDataSource() instanceof MVELExprDescr expression) {
                violations.addAll(scanner.scan(expression.getExpression(), Kind.CONSTRAINT, sourceLine, 1));
            } else {
                violations.add(new Violation(sourceLine, 1, "this kind of from is not allowed in rules"));
            }
        } else {
            violations.add(new Violation(sourceLine, 1, "this pattern source is not allowed in rules (" + kind(source)
                    + ")"));
        }
    }

    private void accumulate(AccumulateDescr accumulate, int line, List<Violation> violations) {
        if (accumulate.getInitCode() != null || accumulate.getActionCode() != null
                || accumulate.getReverseCode() != null || accumulate.getResultCode() != null) {
            violations.add(new Violation(line, 1, "accumulate may only use the functions "
                    + String.join(", ", ACCUMULATE_FUNCTIONS.stream().sorted().toList()) + ", not inline code"));
        }
        for (BaseDescr input : accumulate.getDescrs()) {
            lhs(input, violations);
        }
        for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
            if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
                violations.add(new Violation(line, 1, "the accumulate function " + function.getFunction()
                        + " is not allowed"));
            }
            for (String parameter : function.getParams()) {
                violations.addAll(scanner.scan(parameter, Kind.CONSTRAINT, line, 1));
            }
        }
    }

    private static void refuseAll(java.util.Collection<? extends BaseDescr> descrs, String message,
                                  List<Violation> violations) {
        for (BaseDescr descr : descrs) {
            violations.add(at(descr, message));
        }
    }

    private static String kind(BaseDescr descr) {
        String name = descr.getClass().getSimpleName();
        return name.endsWith("Descr") ? name.substring(0, name.length() - 5).toLowerCase(java.util.Locale.ROOT) : name;
    }

    private static Violation at(BaseDescr descr, String message) {
        return new Violation(line(descr), column(descr), message);
    }

    private static int line(BaseDescr descr) {
        return Math.max(descr.getLine(), 1);
    }

    private static int column(BaseDescr descr) {
        return Math.max(descr.getColumn(), 0) + 1;
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static int columnOf(String text, int offset) {
        int lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        return offset - lineStart + 1;
    }
}
