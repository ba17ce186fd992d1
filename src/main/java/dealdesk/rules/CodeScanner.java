package dealdesk.rules;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks one piece of code from a rule (a constraint, a consequence, an accumulate argument)
 * token by token against the {@link AllowList}: every name must be a binding, an allowed type,
 * an allowed member, a local declared with an allowed type, or one of a few keywords; the
 * tokens that open other languages (unicode escapes, lambdas, method references, MVEL's
 * {@code #} casts and {@code @} templates) are refused outright.
 */
final class CodeScanner {
    enum Kind { CONSTRAINT, CONSEQUENCE }

    /** One refusal, at a line and column of the whole DRL text (both from 1). */
    record Violation(int line, int column, String message) {
    }

    private static final Set<String> KEYWORDS = Set.of("new", "null", "true", "false", "instanceof", "int", "long",
            "double", "float", "boolean", "short", "byte", "char");
    private static final Set<String> CONSEQUENCE_KEYWORDS = Set.of("if", "else", "return", "var", "final");
    private static final Set<String> CONSTRAINT_WORDS = Set.of("this", "matches", "contains", "memberOf", "not",
            "in", "soundslike", "excludes", "str");
    /** What a consequence may do to working memory; {@code drools} only to name the rule that fired. */
    private static final Set<String> CONSEQUENCE_FUNCTIONS = Set.of("insert", "insertLogical", "modify", "update",
            "delete", "retract");
    private static final Set<String> PRIMITIVES = Set.of("int", "long", "double", "float", "boolean", "short",
            "byte", "char", "var");

    private final AllowList allowList;

    CodeScanner(AllowList allowList) {
        this.allowList = allowList;
    }

    private record Token(String text, boolean identifier, int line, int column) {
    }

    /** Scans {@code code} that starts at {@code line}, {@code column} of the DRL text. */
    List<Violation> scan(String code, Kind kind, int line, int column) {
        List<Violation> violations = new ArrayList<>();
        List<Token> tokens = tokenize(code, line, column, violations);
        Set<String> locals = new HashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (!token.identifier()) {
                continue;
            }
            Token previous = i > 0 ? tokens.get(i - 1) : null;
            boolean member = previous != null && (previous.text().equals(".") || previous.text().equals("?.")
                    || previous.text().equals("!."));
            String name = token.text();
            if (member) {
                if (!allowList.isMember(name)) {
                    violations.add(at(token, "'" + name + "' is not a member rules may use"));
                }
                continue;
            }
            if (kind == Kind.CONSEQUENCE && PRIMITIVES.contains(name)) {
                declareLocal(tokens, i, kind, locals);
                continue;
            }
            if (name.startsWith("$") || KEYWORDS.contains(name) || locals.contains(name)) {
                continue;
            }
            if (kind == Kind.CONSTRAINT && CONSTRAINT_WORDS.contains(name)) {
                continue;
            }
            if (kind == Kind.CONSEQUENCE && CONSEQUENCE_KEYWORDS.contains(name)) {
                continue;
            }
            if (kind == Kind.CONSEQUENCE && CONSEQUENCE_FUNCTIONS.contains(name) && next(tokens, i, 1).equals("(")) {
                continue;
            }
            if (kind == Kind.CONSEQUENCE && name.equals("drools")) {
                if (ruleName(tokens, i)) {
                    i += 8;
                } else {
                    violations.add(at(token, "'drools' may only be used as drools.getRule().getName()"));
                }
                continue;
            }
            int qualified = qualifiedTypeEnd(tokens, i);
            if (qualified > i) {
                i = qualified;
                continue;
            }
            if (allowList.isTypeName(name)) {
                declareLocal(tokens, i, kind, locals);
                continue;
            }
            if (allowList.isMember(name)) {
                // a property or method of the pattern's fact (or of the fact a modify block changes)
                continue;
            }
            violations.add(at(token, Character.isUpperCase(name.charAt(0))
                    ? "type '" + name + "' is not allowed in rules (only the engine's facts and plain values)"
                    : "'" + name + "' is not a name rules may use"));
        }
        return violations;
    }

    /** {@code BigDecimal total = ...} or {@code int count;} declares a local the rest may use. */
    private static void declareLocal(List<Token> tokens, int index, Kind kind, Set<String> locals) {
        if (kind == Kind.CONSEQUENCE && index + 1 < tokens.size() && tokens.get(index + 1).identifier()) {
            String following = tokens.get(index + 1).text();
            if (!following.startsWith("$") && !KEYWORDS.contains(following)) {
                locals.add(following);
            }
        }
    }

    private static String next(List<Token> tokens, int index, int ahead) {
        return index + ahead < tokens.size() ? tokens.get(index + ahead).text() : "";
    }

    /** drools . getRule ( ) . getName ( ) */
    private static boolean ruleName(List<Token> tokens, int index) {
        String[] expected = {"drools", ".", "getRule", "(", ")", ".", "getName", "(", ")"};
        for (int k = 0; k < expected.length; k++) {
            if (!next(tokens, index, k).equals(expected[k])) {
                return false;
            }
        }
        return true;
    }

    /** For java.math.BigDecimal and the like: the index of the type's last token, or {@code index} if none. */
    private int qualifiedTypeEnd(List<Token> tokens, int index) {
        StringBuilder name = new StringBuilder(tokens.get(index).text());
        int k = index;
        while (k + 2 < tokens.size() && tokens.get(k + 1).text().equals(".") && tokens.get(k + 2).identifier()) {
            name.append('.').append(tokens.get(k + 2).text());
            k += 2;
            if (allowList.isQualifiedType(name.toString())) {
                return k;
            }
        }
        return index;
    }

    private static Violation at(Token token, String message) {
        return new Violation(token.line(), token.column(), message);
    }

    private static List<Token> tokenize(String code, int startLine, int startColumn, List<Violation> violations) {
        List<Token> tokens = new ArrayList<>();
        int line = startLine;
        int column = startColumn;
        int i = 0;
        int length = code.length();
        while (i < length) {
            char c = code.charAt(i);
            int tokenLine = line;
            int tokenColumn = column;
            int start = i;
            if (c == '\n') {
                line++;
                column = 1;
                i++;
                continue;
            }
            if (Character.isWhitespace(c)) {
                i++;
                column++;
                continue;
            }
            if (c == '\\') {
                // a unicode escape is decoded before Java reads the code: it could spell anything
                violations.add(new Violation(line, column, "a backslash outside a string literal is not allowed"));
                i++;
                column++;
                continue;
            }
            if (c == '/' && i + 1 < length && code.charAt(i + 1) == '/') {
                while (i < length && code.charAt(i) != '\n') {
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < length && code.charAt(i + 1) == '*') {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? length : end + 2;
                for (int k = i; k < end; k++) {
                    if (code.charAt(k) == '\n') {
                        line++;
                        column = 1;
                    } else {
                        column++;
                    }
                }
                i = end;
                continue;
            }
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < length && code.charAt(end) != c && code.charAt(end) != '\n') {
                    end += code.charAt(end) == '\\' ? 2 : 1;
                }
                end = Math.min(end + 1, length);
                column += end - i;
                tokens.add(new Token(code.substring(i, end), false, tokenLine, tokenColumn));
                i = end;
                continue;
            }
            if (Character.isJavaIdentifierStart(c)) {
                while (i < length && Character.isJavaIdentifierPart(code.charAt(i))) {
                    i++;
                }
                column += i - start;
                tokens.add(new Token(code.substring(start, i), true, tokenLine, tokenColumn));
                continue;
            }
            if (Character.isDigit(c)) {
                while (i < length && (Character.isLetterOrDigit(code.charAt(i)) || code.charAt(i) == '.'
                        || code.charAt(i) == '_')) {
                    i++;
                }
                column += i - start;
                tokens.add(new Token(code.substring(start, i), false, tokenLine, tokenColumn));
                continue;
            }
            String two = i + 1 < length ? code.substring(i, i + 2) : "";
            if (two.equals("->") || two.equals("::")) {
                violations.add(new Violation(line, column, "lambdas and method references ('" + two
                        + "') are not allowed in rules"));
            } else if (c == '#' || c == '@' || c == '`') {
                violations.add(new Violation(line, column, "'" + c + "' is not allowed in rule code"));
            }
            if (two.equals("?.") || two.equals("!.")) {
                tokens.add(new Token(two, false, tokenLine, tokenColumn));
                i += 2;
                column += 2;
                continue;
            }
            tokens.add(new Token(String.valueOf(c), false, tokenLine, tokenColumn));
            i++;
            column++;
        }
        return tokens;
    }
}
