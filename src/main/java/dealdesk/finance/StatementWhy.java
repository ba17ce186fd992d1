package dealdesk.finance;

import dealdesk.commission.engine.Statement;
import dealdesk.commission.engine.Statement.Line;
import dealdesk.commission.engine.Statement.Trace;
import dealdesk.common.Money;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A statement line's trace in a rep's words: where the credit came from, the
 * rate and what changed it, and the result. What a rep reads on the PDF and
 * CSV statement to answer "why was I paid this?".
 */
final class StatementWhy {
    private final DecimalFormat money;

    StatementWhy(java.util.Currency currency) {
        int digits = currency.getDefaultFractionDigits();
        this.money = new DecimalFormat(digits == 0 ? "#,##0" : "#,##0." + "0".repeat(digits),
                DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    String of(Line line) {
        Trace trace = line.trace();
        if (trace == null) {
            return line.component() + ": " + money(line.amount());
        }
        return switch (line.component()) {
            case Statement.COMMISSION -> commission(line, trace);
            case Statement.SPIF -> spif(line, trace);
            case Statement.CLAWBACK -> "Deal " + deal(trace) + " was cancelled within the plan's clawback window, so the "
                    + money(line.baseAmount()) + " it paid is taken back.";
            case Statement.PRIOR_PERIOD_CLAWBACK -> "Deal " + deal(trace) + " was cancelled within the clawback window"
                    + (trace.rate() == null ? "" : " (" + trace.rate().source() + ")") + ": the "
                    + money(line.baseAmount()) + " it paid is taken back.";
            case Statement.CAP -> "Your cash commission of " + money(line.baseAmount())
                    + " is above the plan's cap for the period, so " + money(line.amount().negate()) + " is held back.";
            default -> line.component() + ": " + money(line.amount());
        };
    }

    private String commission(Line line, Trace trace) {
        StringBuilder why = new StringBuilder();
        Statement.Source source = trace.source();
        if (source != null) {
            why.append("Deal ").append(deal(trace));
            if (source.splitPercent() != null && source.basis() != null) {
                why.append(": your ").append(plain(source.splitPercent())).append("% of ")
                        .append(money(source.basis())).append(" is a credit of ").append(money(source.credit()));
            }
            why.append(". ");
            if (source.conversion() != null) {
                why.append("Booked as ").append(money(source.conversion().amount())).append(' ')
                        .append(source.conversion().currency()).append(", converted at ")
                        .append(plain(source.conversion().rate())).append(" (the rate of ")
                        .append(source.conversion().rateDate()).append("). ");
            }
        }
        why.append(money(line.baseAmount())).append(" of it is paid at ").append(percent(line.rate()));
        List<String> because = new ArrayList<>();
        if (trace.rate() != null && trace.rate().rate() != null) {
            because.add("rate " + percent(trace.rate().rate()) + " (" + source(trace.rate().source()) + ")");
        }
        for (Statement.Factor factor : trace.factors()) {
            because.add("x " + plain(factor.factor()) + " for " + factor.name());
        }
        if (trace.band() != null) {
            Statement.BandTrace band = trace.band();
            because.add(band.rate() != null ? "band " + band.label() + " pays " + percent(band.rate())
                    : "x " + plain(band.multiplier()) + " in band " + band.label());
        }
        if (!because.isEmpty()) {
            why.append(": ").append(String.join(", ", because));
        }
        why.append(" = ").append(money(line.amount())).append('.');
        return why.toString();
    }

    private String spif(Line line, Trace trace) {
        if (trace.source() == null) {
            return "SPIF " + line.band() + ": the threshold was reached, paying " + money(line.amount()) + ".";
        }
        return "SPIF " + line.band() + " on deal " + deal(trace) + ": " + plain(line.baseAmount()) + " x "
                + plain(line.rate()) + " = " + money(line.amount()) + ".";
    }

    private static String deal(Trace trace) {
        Statement.Source source = trace.source();
        if (source == null) {
            return "";
        }
        return source.dealId() == null || source.dealId().equals(source.transactionId()) ? source.transactionId()
                : source.dealId() + " (" + source.transactionId() + ")";
    }

    private static String source(String planPath) {
        return planPath.startsWith("productRates") ? "product rate" : planPath.startsWith("baseRate") ? "base rate"
                : planPath;
    }

    String money(BigDecimal amount) {
        return amount == null ? "" : money.format(amount);
    }

    String money(Money amount) {
        return amount == null ? "" : money(amount.amount());
    }

    static String percent(BigDecimal rate) {
        return rate == null ? "" : plain(rate.movePointRight(2)) + "%";
    }

    static String plain(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 4) {
            stripped = stripped.setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
        }
        return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
    }
}
