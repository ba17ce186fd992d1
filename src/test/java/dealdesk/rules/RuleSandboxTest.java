package dealdesk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.common.FieldError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each attack an uploaded rule could try, refused with the line it is on, before anything
 * compiles or runs it; and the shipped rules, which must pass.
 */
class RuleSandboxTest {

    static String shipped(String folder) {
        try (Stream<Path> files = Files.list(Path.of("rules", folder))) {
            return RuleFiles.merge(files.filter(f -> f.toString().endsWith(".drl")).sorted().map(f -> {
                try {
                    return Files.readString(f);
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<FieldError> pricing(String drl) {
        return RuleSandbox.of(RuleBase.PRICING).check(drl);
    }

    /** A pricing rule whose condition and consequence are the given lines (condition on line 5, consequence on 7). */
    private static String rule(String condition, String consequence) {
        return "package dealdesk.pricing;\n"
                + "\n"
                + "rule \"attack\"\n"
                + "when\n"
                + "    " + condition + "\n"
                + "then\n"
                + "    " + consequence + "\n"
                + "end\n";
    }

    private static String consequence(String code) {
        return rule("$line : PricedLine( sku == \"A\" )", code);
    }

    private static String condition(String code) {
        return rule(code, "insert( new FloorBreach( 1, \"x\", null, null ) );");
    }

    static Stream<Arguments> attacks() {
        return Stream.of(
                Arguments.of("System.exit", consequence("System.exit(0);"), 7, "System"),
                Arguments.of("Runtime exec", consequence("Runtime.getRuntime().exec(\"rm -rf /\");"), 7, "Runtime"),
                Arguments.of("ProcessBuilder", consequence("new ProcessBuilder(\"sh\", \"-c\", \"id\").start();"), 7,
                        "ProcessBuilder"),
                Arguments.of("Thread", consequence("new Thread().start();"), 7, "Thread"),
                Arguments.of("Thread.sleep", consequence("Thread.sleep(100000L);"), 7, "Thread"),
                Arguments.of("reflection through getClass",
                        consequence("$line.getClass().getMethod(\"setPrice\").invoke($line);"), 7, "getClass"),
                Arguments.of("class literal", consequence("String.class.getClassLoader();"), 7, "class"),
                Arguments.of("Class.forName", consequence("Class.forName(\"java.lang.Runtime\");"), 7, "Class"),
                Arguments.of("class loader of an enum",
                        consequence("Stage.VOLUME.getDeclaringClass().getClassLoader();"), 7, "getDeclaringClass"),
                Arguments.of("java.io fully qualified",
                        consequence("new java.io.File(\"/etc/passwd\").delete();"), 7, "java"),
                Arguments.of("java.nio fully qualified",
                        consequence("java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\"));"), 7,
                        "java"),
                Arguments.of("java.net", consequence("new java.net.URL(\"http://evil\").openStream();"), 7, "java"),
                Arguments.of("java.lang.System fully qualified", consequence("java.lang.System.exit(1);"), 7, "java"),
                Arguments.of("reflection package", consequence("java.lang.reflect.Array.newInstance(null, 1);"), 7,
                        "java"),
                Arguments.of("static call on a service in the rule package",
                        consequence("PricingRules.compile(null);"), 7, "PricingRules"),
                Arguments.of("the rule context", consequence("drools.getKieRuntime().halt();"), 7, "drools"),
                Arguments.of("kcontext", consequence("kcontext.getKieRuntime().halt();"), 7, "kcontext"),
                Arguments.of("this in a consequence", consequence("this.getClass();"), 7, "this"),
                Arguments.of("endless loop", consequence("while (true) { }"), 7, "while"),
                Arguments.of("lambda", consequence("Runnable task = () -> System.exit(0);"), 7, "Runnable"),
                Arguments.of("method reference", consequence("java.util.List.of(1).forEach(System::exit);"), 7,
                        "::"),
                Arguments.of("unicode escape spelling System", consequence("\\u0053ystem.exit(0);"), 7, "unicode"),
                Arguments.of("unicode escape closing a string",
                        consequence("String s = \"\\u0022; System.exit(0); //\";"), 7, "unicode"),
                Arguments.of("static call in a constraint",
                        condition("$line : PricedLine( sku == System.getenv(\"HOME\") )"), 5, "System"),
                Arguments.of("MVEL inline cast in a constraint",
                        condition("$line : PricedLine( this#java.io.File.exists )"), 5, "#"),
                Arguments.of("getClass in a constraint",
                        condition("$line : PricedLine( class.classLoader != null )"), 5, "class"),
                Arguments.of("eval", condition("eval( System.exit(0) == null )"), 5, "eval"),
                Arguments.of("from an expression",
                        condition("$home : String() from System.getProperty(\"user.home\")"), 5, "System"),
                Arguments.of("accumulate with inline code",
                        condition("$n : Number() from accumulate( PricedLine( $q : quantity ), "
                                + "init( int n = 0; ) action( n++; System.exit(0); ) result( n ) )"), 5, "inline code"),
                Arguments.of("accumulate function that is not allowed",
                        condition("accumulate( PricedLine( $q : quantity ); $n : myFunction( $q ) )"), 5,
                        "myFunction"),
                Arguments.of("import of java.io", "package dealdesk.pricing;\nimport java.io.File;\n", 2, "java.io.File"),
                Arguments.of("import of a service", "package dealdesk.pricing;\nimport dealdesk.pricing.PricingService;\n",
                        2, "PricingService"),
                Arguments.of("wildcard import of java.nio", "package dealdesk.pricing;\nimport java.nio.file.*;\n", 2,
                        "java.nio.file"),
                Arguments.of("function import", "package dealdesk.pricing;\nimport function java.lang.System.exit;\n",
                        2, "function import"),
                Arguments.of("global", "package dealdesk.pricing;\nglobal java.util.List out;\n", 2, "globals"),
                Arguments.of("function", "package dealdesk.pricing;\nfunction void boom() { System.exit(1); }\n", 2,
                        "functions"),
                Arguments.of("declared type", "package dealdesk.pricing;\ndeclare Evil\n  file : java.io.File\nend\n", 2,
                        "declared types"),
                Arguments.of("package of another base", "package dealdesk.commission.engine;\n", 1,
                        "must be dealdesk.pricing"),
                Arguments.of("package java.lang", "package java.lang;\n", 1, "must be dealdesk.pricing"),
                Arguments.of("MVEL dialect on a rule", "package dealdesk.pricing;\nrule \"r\"\n  dialect \"mvel\"\n"
                        + "when\n  $l : PricedLine()\nthen\n  modify($l) { }\nend\n", 3, "dialect"),
                Arguments.of("MVEL dialect for the package", "package dealdesk.pricing;\ndialect \"mvel\"\n", 2,
                        "dialect"),
                Arguments.of("salience expression", "package dealdesk.pricing;\nrule \"r\"\n  salience ( Runtime.getRuntime()"
                        + ".availableProcessors() )\nwhen\n  PricedLine()\nthen\nend\n", 3, "salience"),
                Arguments.of("enabled expression", "package dealdesk.pricing;\nrule \"r\"\n  enabled ( System.exit(0) == null )"
                        + "\nwhen\n  PricedLine()\nthen\nend\n", 3, "enabled"),
                Arguments.of("timer", "package dealdesk.pricing;\nrule \"r\"\n  timer ( int: 0s 1s )\nwhen\n  PricedLine()\n"
                        + "then\nend\n", 3, "timer"),
                Arguments.of("query", "package dealdesk.pricing;\nquery \"lines\"\n  PricedLine()\nend\n", 2, "queries"),
                Arguments.of("annotation on a rule", "package dealdesk.pricing;\nrule \"r\" @Propagation(IMMEDIATE)\nwhen\n"
                        + "  PricedLine()\nthen\nend\n", 2, "annotation"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attacks")
    void anAttackIsRefusedNamingItsLine(String attack, String drl, int line, String named) {
        List<FieldError> errors = pricing(drl);

        assertThat(errors).as(attack).isNotEmpty();
        assertThat(errors).as(attack).allSatisfy(error -> assertThat(error.path()).isEqualTo("drl"));
        assertThat(errors).as(attack).anySatisfy(error -> assertThat(error.message())
                .startsWith("line " + line + ",").contains(named));
    }

    @Test
    void theShippedRulesPassTheSandbox() {
        assertThat(RuleSandbox.of(RuleBase.COMMISSION).check(shipped("commission"))).isEmpty();
        assertThat(RuleSandbox.of(RuleBase.PRICING).check(shipped("pricing"))).isEmpty();
    }

    @Test
    void forbiddenWordsInsideStringsAndCommentsAreJustText() {
        String drl = consequence("// System.exit(0) is only a comment\n"
                + "    insert( new ApprovalRequirement( ApprovalLevel.MANAGER, \"System.exit(0); java.io.File\" ) );");

        assertThat(pricing(drl)).isEmpty();
    }

    @Test
    void plainValuesLocalsAndFactMethodsAreAllowed() {
        String drl = "package dealdesk.pricing;\n"
                + "import java.math.BigDecimal;\n"
                + "import java.math.RoundingMode;\n"
                + "rule \"half price on Mondays\"\n"
                + "    salience 10\n"
                + "    ruleflow-group \"promotion\"\n"
                + "when\n"
                + "    QuoteContext( startDate.getDayOfWeek() == java.time.DayOfWeek.MONDAY )\n"
                + "    $line : PricedLine( quantity > 10, sku str[startsWith] \"A\" ) @watch( price )\n"
                + "then\n"
                + "    BigDecimal half = new BigDecimal(\"50\").setScale(2, RoundingMode.HALF_UP);\n"
                + "    int lines = 1;\n"
                + "    modify( $line ) { applyPercent( Stage.PROMOTION, drools.getRule().getName(), half ) }\n"
                + "end\n";

        assertThat(pricing(drl)).isEmpty();
    }

    @Test
    void aSyntaxErrorIsReportedWithItsLine() {
        List<FieldError> errors = pricing("package dealdesk.pricing;\n\nrule \"broken\"\nwhen\n    PricedLine( \nthen\nend\n");

        assertThat(errors).isNotEmpty();
        assertThat(errors.get(0).message()).matches("line \\d+, column \\d+: .*");
    }
}
