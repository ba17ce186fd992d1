package dealdesk.web;

import dealdesk.commission.engine.Statement;
import dealdesk.commission.plan.Plan;
import dealdesk.common.Period;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * "Why this amount" in a rep's words: "15% base rate, ×1.10 healthcare, ×1.05 closed in the first 21 days of
 * the quarter, band 1.0+ ×1.5", read from a statement line's trace and the plan it names.
 */
final class StatementWords {
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private StatementWords() {
    }

    static String why(Statement.Line line, Plan plan, Period.Type periodType) {
        Statement.Trace trace = line.trace();
        if (trace == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        if (Statement.SPIF.equals(line.component())) {
            parts.add("SPIF award");
        } else if (trace.rate() != null && trace.rate().rate() != null) {
            parts.add(percent(trace.rate().rate()) + " " + rateName(trace.rate().source()));
        }
        if (trace.factors() != null) {
            for (Statement.Factor factor : trace.factors()) {
                parts.add("×" + plain(factor.factor()) + " " + factorName(factor, plan, periodType));
            }
        }
        Statement.BandTrace band = trace.band();
        if (band != null && band.label() != null) {
            String label = band.label().replaceAll("(^|-)(\\d+)(?=$|-|\\+)", "$1$2.0");
            if (band.multiplier() != null) {
                parts.add("band " + label + " ×" + multiplier(band.multiplier()));
            } else if (band.rate() != null) {
                parts.add("band " + label + " at " + percent(band.rate()));
            }
        }
        return String.join(", ", parts);
    }

    private static String rateName(String source) {
        if (source == null) {
            return "rate";
        }
        if (source.startsWith("baseRate")) {
            return "base rate";
        }
        if (source.startsWith("targetIncentive")) {
            return "rate (target incentive over quota)";
        }
        if (source.startsWith("productRates")) {
            return "product rate";
        }
        return "rate";
    }

    private static String factorName(Statement.Factor factor, Plan plan, Period.Type periodType) {
        String source = factor.source() == null ? "" : factor.source();
        Matcher index = INDEX.matcher(source);
        if (source.startsWith("timing") && plan != null && index.find()) {
            int at = Integer.parseInt(index.group(1));
            if (at < plan.timing().size()) {
                Plan.TimingWindow window = plan.timing().get(at);
                return "closed in the " + (window.window() == Plan.Window.FIRST_DAYS ? "first " : "last ")
                        + window.days() + " days of the " + periodType.name().toLowerCase(Locale.ROOT);
            }
        }
        if (source.startsWith("multipliers") && plan != null && index.find()) {
            int at = Integer.parseInt(index.group(1));
            if (at < plan.multipliers().size()) {
                return matchWords(plan.multipliers().get(at).match().toString());
            }
        }
        return matchWords(factor.name() == null ? source : factor.name());
    }

    /** "industry=HEALTHCARE, dealType=NEW" -> "healthcare, new deal". */
    private static String matchWords(String match) {
        List<String> words = new ArrayList<>();
        for (String pair : match.replaceAll("[{}\\[\\]]", "").split("[,;]\\s*|\\s+and\\s+")) {
            String[] parts = pair.split("=", 2);
            if (parts.length < 2) {
                if (!pair.isBlank()) {
                    words.add(pair.strip());
                }
                continue;
            }
            String value = parts[1].strip().replace('_', ' ').toLowerCase(Locale.ROOT);
            words.add(switch (parts[0].strip()) {
                case "dealType" -> value + " deal";
                case "family" -> value + " products";
                case "sku" -> parts[1].strip();
                default -> value;
            });
        }
        return String.join(", ", words);
    }

    /** 0.15 -> 15%, 0.125 -> 12.5% */
    private static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(4, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }

    /** A factor with at least two decimals: 1.1 -> 1.10, 1.05 -> 1.05. */
    private static String plain(BigDecimal factor) {
        return factor.setScale(Math.max(2, factor.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
    }

    /** A band multiplier with at least one decimal: 1.5 -> 1.5, 2 -> 2.0. */
    private static String multiplier(BigDecimal value) {
        return value.setScale(Math.max(1, value.stripTrailingZeros().scale()), RoundingMode.UNNECESSARY).toPlainString();
    }
}
