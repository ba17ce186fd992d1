package dealdesk.pricing;

import dealdesk.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.kie.api.KieBase;
import org.kie.api.runtime.ClassObjectFilter;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.Agenda;

/**
 * Prices a quote: one new session per call on the shared, compiled KieBase
 * (thread safe: a KieBase is shared, a session never is). All lines go into
 * the one session, the stages run as agenda groups in {@link Stage} order,
 * then Java totals the lines and the approval rules run on the summary.
 */
public final class PricingEngine {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** A safety net against rules that keep re-activating each other: far above any real waterfall. */
    private static final int FIRINGS_PER_LINE = 64;

    private final KieBase kieBase;

    public PricingEngine(KieBase kieBase) {
        this.kieBase = Objects.requireNonNull(kieBase);
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public PricingOutcome price(QuoteContext context, List<PricedLine> lines, PricingData data) {
        Currency currency = Money.currency(context.currency());
        KieSession session = kieBase.newKieSession();
        try {
            session.insert(context);
            insertData(session, context, data);
            for (FamilyQuantity pool : familyQuantities(lines)) {
                session.insert(pool);
            }
            for (PricedLine line : lines) {
                session.insert(line);
            }
            focus(session.getAgenda(), Stage.values());
            fire(session, lines.size());

            List<LineResult> results = new ArrayList<>(lines.size());
            for (PricedLine line : lines) {
                results.add(result(line, context.termMonths(), currency));
            }
            Totals totals = totals(results, context.termMonths(), currency);

            session.insert(summary(lines, results, totals));
            session.getAgenda().getAgendaGroup("approval").setFocus();
            fire(session, 0);

            List<ApprovalRequirement> approvals = objects(session, ApprovalRequirement.class).stream()
                    .sorted(Comparator.comparing(ApprovalRequirement::level).thenComparing(ApprovalRequirement::reason))
                    .toList();
            List<FloorBreach> breaches = firstBreachPerLine(objects(session, FloorBreach.class));
            return new PricingOutcome(results, totals, approvals, breaches);
        } finally {
            session.dispose();
        }
    }

    private static void insertData(KieSession session, QuoteContext context, PricingData data) {
        // Price tables and amount promotions of other currencies can never match: leave them out.
        for (VolumeSchedule schedule : data.volumeSchedules()) {
            if (schedule.appliesIn(context.currency())) {
                session.insert(schedule);
            }
        }
        data.termDiscounts().forEach(session::insert);
        for (Promotion promotion : data.promotions()) {
            if (promotion.appliesIn(context.currency())) {
                session.insert(promotion);
            }
        }
        data.floors().forEach(session::insert);
        data.approvalThresholds().forEach(session::insert);
        // Prices of other segments, accounts or currencies can never match: leave them out of the session.
        for (SegmentPrice price : data.segmentPrices()) {
            if (price.segment().equals(context.segment()) && price.currency().equals(context.currency())) {
                session.insert(price);
            }
        }
        for (ContractedPrice price : data.contractedPrices()) {
            if (price.account().equalsIgnoreCase(context.account()) && price.currency().equals(context.currency())) {
                session.insert(price);
            }
        }
    }

    private static Collection<FamilyQuantity> familyQuantities(List<PricedLine> lines) {
        Map<String, BigDecimal> byFamily = new LinkedHashMap<>();
        for (PricedLine line : lines) {
            if (line.getFamily() != null) {
                byFamily.merge(line.getFamily(), line.getQuantity(), BigDecimal::add);
            }
        }
        return byFamily.entrySet().stream().map(e -> new FamilyQuantity(e.getKey(), e.getValue())).toList();
    }

    /** The focus is a stack: push the last stage first so the first stage runs first. */
    private static void focus(Agenda agenda, Stage[] stages) {
        for (int i = stages.length - 1; i >= 0; i--) {
            agenda.getAgendaGroup(stages[i].agendaGroup()).setFocus();
        }
    }

    private static void fire(KieSession session, int lineCount) {
        int limit = (lineCount + 16) * FIRINGS_PER_LINE;
        int fired = session.fireAllRules(limit);
        if (fired >= limit) {
            throw new IllegalStateException("pricing rules did not settle after " + fired + " firings");
        }
    }

    /** A priced line's result with its rounded totals (public for the benchmark's plain-Java baseline). */
    public static LineResult result(PricedLine line, int termMonths, Currency currency) {
        Money net = line.getAmount().rounded();
        Money list = line.getListPrice().times(line.getQuantity()).rounded();
        LineResult.LineTotals totals = line.isRecurring()
                ? new LineResult.LineTotals(net, net.times(termMonths), list.times(termMonths))
                : new LineResult.LineTotals(Money.zero(currency), net, list);
        return new LineResult(line.getIndex(), line.getSku(), line.getChargeType(), line.getQuantity(),
                line.getListPrice(), line.getPrice(), totals, line.getAdjustments());
    }

    public static Totals totals(List<LineResult> lines, int termMonths, Currency currency) {
        Money oneTime = Money.zero(currency);
        Money mrr = Money.zero(currency);
        Money listTotal = Money.zero(currency);
        Money netTotal = Money.zero(currency);
        for (LineResult line : lines) {
            if (line.chargeType() == ChargeType.RECURRING) {
                mrr = mrr.plus(line.totals().monthly());
            } else {
                oneTime = oneTime.plus(line.totals().netTotal());
            }
            listTotal = listTotal.plus(line.totals().listTotal());
            netTotal = netTotal.plus(line.totals().netTotal());
        }
        Money arr = mrr.times(12);
        Money tcv = oneTime.plus(mrr.times(termMonths));
        // ACV: recurring TCV over max(1, years) = 12 months of MRR, or the whole term when shorter than a year.
        Money acv = oneTime.plus(termMonths >= 12 ? arr : mrr.times(termMonths));
        return new Totals(oneTime, mrr, arr, tcv, acv, listTotal.minus(netTotal));
    }

    private static QuoteSummary summary(List<PricedLine> lines, List<LineResult> results, Totals totals) {
        BigDecimal maxDiscount = BigDecimal.ZERO;
        String maxSku = null;
        for (PricedLine line : lines) {
            if (line.getRequestedDiscount().compareTo(maxDiscount) > 0) {
                maxDiscount = line.getRequestedDiscount();
                maxSku = line.getSku();
            }
        }
        Money listTotal = Money.zero(totals.discount().currency());
        for (LineResult result : results) {
            listTotal = listTotal.plus(result.totals().listTotal());
        }
        BigDecimal totalDiscount = listTotal.isZero() ? BigDecimal.ZERO
                : totals.discount().amount().multiply(HUNDRED).divide(listTotal.amount(), 2, RoundingMode.HALF_UP);
        return new QuoteSummary(plain(maxDiscount), maxSku, totalDiscount, totals.tcv());
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static List<FloorBreach> firstBreachPerLine(List<FloorBreach> breaches) {
        Map<Integer, FloorBreach> byLine = new java.util.TreeMap<>();
        for (FloorBreach breach : breaches) {
            byLine.merge(breach.lineIndex(), breach, (a, b) -> a.floor().compareTo(b.floor()) >= 0 ? a : b);
        }
        return List.copyOf(byLine.values());
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> objects(KieSession session, Class<T> type) {
        return (List<T>) new ArrayList<>(session.getObjects(new ClassObjectFilter(type)));
    }
}
