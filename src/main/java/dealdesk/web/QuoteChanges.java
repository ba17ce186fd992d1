package dealdesk.web;

import dealdesk.quote.QuoteLineRequest;
import dealdesk.quote.QuoteRequest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What changed between two versions of a quote, in sentences an approver reads at a glance. */
final class QuoteChanges {
    private QuoteChanges() {
    }

    static List<String> between(QuoteRequest before, QuoteRequest after) {
        List<String> changes = new ArrayList<>();
        compare(changes, "Term", months(before.termMonths()), months(after.termMonths()));
        compare(changes, "Currency", before.currency(), after.currency());
        compare(changes, "Price book", before.priceBook(), after.priceBook());
        compare(changes, "Start date", String.valueOf(before.startDate()), String.valueOf(after.startDate()));
        if (before.customer() != null && after.customer() != null) {
            compare(changes, "Customer", before.customer().name(), after.customer().name());
            compare(changes, "Segment", before.customer().segment(), after.customer().segment());
        }
        Map<String, QuoteLineRequest> old = bySku(before.lines());
        Map<String, QuoteLineRequest> now = bySku(after.lines());
        now.forEach((sku, line) -> {
            QuoteLineRequest was = old.get(sku);
            if (was == null) {
                changes.add("Added " + sku + " × " + number(line.quantity()) + discount(line.discountPercent()));
                return;
            }
            if (!same(was.quantity(), line.quantity())) {
                changes.add(sku + " quantity " + number(was.quantity()) + " → " + number(line.quantity()));
            }
            if (!same(was.discountPercent(), line.discountPercent())) {
                changes.add(sku + " discount " + number(was.discountPercent()) + "% → " + number(line.discountPercent()) + "%");
            }
        });
        old.keySet().stream().filter(sku -> !now.containsKey(sku)).forEach(sku -> changes.add("Removed " + sku));
        return changes;
    }

    private static Map<String, QuoteLineRequest> bySku(List<QuoteLineRequest> lines) {
        Map<String, QuoteLineRequest> map = new LinkedHashMap<>();
        if (lines != null) {
            // a sku on two lines: the later lines count under "sku (2)" so that nothing is hidden
            for (QuoteLineRequest line : lines) {
                String key = line.sku();
                int copy = 2;
                while (map.containsKey(key)) {
                    key = line.sku() + " (" + copy++ + ")";
                }
                map.put(key, line);
            }
        }
        return map;
    }

    private static void compare(List<String> changes, String what, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(what + " " + (before == null ? "—" : before) + " → " + (after == null ? "—" : after));
        }
    }

    private static String months(Integer months) {
        return months == null ? null : months + " months";
    }

    private static String discount(BigDecimal percent) {
        return percent == null || percent.signum() == 0 ? "" : " at " + number(percent) + "% off";
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String number(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }
}
