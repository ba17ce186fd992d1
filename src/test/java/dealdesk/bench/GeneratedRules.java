package dealdesk.bench;

import dealdesk.pricing.RuleSource;

/**
 * Writes N promotion rules as DRL text, one per sku GEN-0 .. GEN-(N-1), as an
 * admin would author one price rule per promotion. Each constrains the sku
 * with a literal, which Drools hashes, so rules that cannot match a line cost
 * almost nothing.
 */
final class GeneratedRules {
    private GeneratedRules() {
    }

    static RuleSource promotions(int count) {
        StringBuilder drl = new StringBuilder(count * 260 + 200);
        drl.append("package dealdesk.pricing;\nimport java.math.BigDecimal;\n\n");
        for (int i = 0; i < count; i++) {
            drl.append("rule \"generated promotion ").append(i).append("\"\n")
                    .append("    agenda-group \"promotion\"\n")
                    .append("when\n")
                    .append("    $line : PricedLine( sku == \"GEN-").append(i).append("\" )\n")
                    .append("then\n")
                    .append("    modify( $line ) { applyPercent( Stage.PROMOTION, \"generated promotion ").append(i)
                    .append("\", new BigDecimal(\"").append(percent(i)).append("\") ) }\n")
                    .append("end\n\n");
        }
        return new RuleSource("generated-promotions.drl", drl.toString());
    }

    static String percent(int ruleIndex) {
        return Integer.toString(1 + ruleIndex % 5);
    }
}
