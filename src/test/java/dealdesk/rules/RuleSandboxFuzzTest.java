package dealdesk.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dealdesk.common.FieldError;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * A bounded fuzz run of hostile rule texts: each splices a reach for the outside world into
 * one of the places a rule holds code, disguised with comments, line breaks and spacing, and
 * the sandbox must refuse every one (and never fail itself, whatever the text).
 * A longer run: {@code mvn -q test -Dtest=RuleSandboxFuzzTest -Djqwik.tries.default=100000}
 * after removing the fixed {@code tries} and seed below.
 */
class RuleSandboxFuzzTest {
    /** Each names something outside the allow-list: the process, threads, reflection, files, network, the engine. */
    static final List<String> HOSTILE = List.of(
            "System.exit(0)", "Runtime.getRuntime().exec(\"id\")", "new ProcessBuilder(\"sh\").start()",
            "Thread.sleep(1000)", "new Thread(null).start()", "Class.forName(\"java.lang.Runtime\")",
            "$line.getClass().getClassLoader()", "java.nio.file.Files.delete(null)", "new java.io.File(\"/tmp/x\")",
            "new java.net.Socket(\"example.com\", 80)", "java.lang.reflect.Proxy.newProxyInstance(null, null, null)",
            "ClassLoader.getSystemClassLoader()", "\\u0053ystem.exit(0)", "String.class.getName()",
            "Stage.VOLUME.getDeclaringClass()", "drools.getKieRuntime()", "kcontext.getKieRuntime()",
            "javax.script.ScriptEngineManager", "sun.misc.Unsafe.getUnsafe()", "ProcessHandle.current().destroy()",
            "StackWalker.getInstance()", "java.lang.invoke.MethodHandles.lookup()", "System.getenv(\"HOME\")",
            "PricingService.class", "this.getClass()", "PricingRules.compile(null)", "Runtime.version()",
            "java.lang.System.setProperty(\"a\", \"b\")", "\"\".getClass().forName(\"x\")",
            "java.util.concurrent.Executors.newFixedThreadPool(1)", "java.util.List.of(1).forEach(System.out::println)",
            "$line.quantity.getClass()", "org.kie.api.KieServices.get()", "dealdesk.pricing.PricingService.class",
            "new Object() { }", "Math.class.getClassLoader()", "((Object) $line).getClass()");

    /** Where a rule holds code; %s is where the hostile fragment goes. */
    static final List<String> PLACES = List.of(
            rule("$line : PricedLine( sku == \"A\" )", "%s;"),
            rule("$line : PricedLine( sku == %s )", "retract( $line );"),
            rule("$line : PricedLine( %s )", "retract( $line );"),
            rule("$home : Object() from %s", "retract( $home );"),
            rule("eval( %s )", ""),
            rule("accumulate( PricedLine( $q : quantity ); $n : sum( %s ) )", ""),
            rule("$line : PricedLine( )", "Object value = %s;"),
            rule("$line : PricedLine( )", "insert( new FloorBreach( 1, \"x\" + %s, null, null ) );"),
            rule("$line : PricedLine( )", "modify( $line ) { applyPercent( Stage.PROMOTION, \"x\", %s ) }"),
            rule("$line : PricedLine( )", "if ( %s != null ) { retract( $line ); }"),
            "package dealdesk.pricing;\nrule \"r\"\n    salience ( %s )\nwhen\n    PricedLine( )\nthen\nend\n",
            "package dealdesk.pricing;\nrule \"r\"\n    enabled ( %s )\nwhen\n    PricedLine( )\nthen\nend\n",
            "package dealdesk.pricing;\nfunction Object helper() { return %s; }\n",
            rule("$line : PricedLine( ) @watch( %s )", ""));

    private static String rule(String condition, String consequence) {
        return "package dealdesk.pricing;\n\nrule \"fuzz\"\nwhen\n    " + condition + "\nthen\n    " + consequence + "\nend\n";
    }

    @Provide
    Arbitrary<String> hostileRules() {
        Arbitrary<String> fragment = Arbitraries.of(HOSTILE);
        Arbitrary<String> place = Arbitraries.of(PLACES);
        Arbitrary<List<String>> separators = Arbitraries.of(" ", "  ", "\t", "\n", " /* note */ ", "\n    ", "")
                .list().ofSize(8);
        return Combinators.combine(place, fragment, separators).as(RuleSandboxFuzzTest::splice);
    }

    /** Puts the fragment in its place, with the separators around the dots and parentheses of the fragment. */
    private static String splice(String place, String fragment, List<String> separators) {
        StringBuilder disguised = new StringBuilder();
        int next = 0;
        for (char c : fragment.toCharArray()) {
            if ((c == '.' || c == '(') && next < separators.size() && !separators.get(next).isEmpty()
                    && !disguised.toString().endsWith("\"")) {
                disguised.append(separators.get(next++).replace("\"", ""));
            }
            disguised.append(c);
        }
        return place.replace("%s", disguised.toString());
    }

    @Property(tries = 1000, seed = "20261127")
    void everyHostileRuleIsRefusedWithALine(@ForAll("hostileRules") String drl) {
        List<FieldError> errors = RuleSandbox.of(RuleBase.PRICING).check(drl);

        assertThat(errors).as(drl).isNotEmpty()
                .allSatisfy(error -> assertThat(error.message()).matches("(?s)line \\d+, column \\d+: .*"));
    }

    @Property(tries = 500, seed = "20261127")
    void anyTextAtAllGetsAnAnswerNotAnException(@ForAll("mangledRules") String drl) {
        assertThat(RuleSandbox.of(RuleBase.COMMISSION).check(drl)).isNotNull();
    }

    @Provide
    Arbitrary<String> mangledRules() {
        String shipped = RuleSandboxTest.shipped("commission");
        Arbitrary<Integer> at = Arbitraries.integers().between(0, shipped.length() - 1);
        Arbitrary<String> noise = Arbitraries.strings().withChars("(){};:\"'$.@#\\/*\n ").ofMaxLength(6);
        return Combinators.combine(at, at, noise).as((from, to, inserted) ->
                shipped.substring(0, Math.min(from, to)) + inserted + shipped.substring(Math.max(from, to)));
    }
}
