package dealdesk.web;

import dealdesk.commission.CommissionServices;
import dealdesk.commission.engine.Statement;
import dealdesk.commission.plan.Plan;
import dealdesk.common.ApiException;
import dealdesk.common.Period;
import org.jdbi.v3.core.Jdbi;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the dashboard renders on the server: the period's statement lines named by customer and product with
 * "why this amount" in plain words, and the chart of earnings and attainment over the last four periods.
 */
public class DashboardFigures {
    private final Jdbi jdbi;
    private final CommissionServices commission;
    private final Clock clock;

    public DashboardFigures(Jdbi jdbi, CommissionServices commission, Clock clock) {
        this.jdbi = jdbi;
        this.commission = commission;
        this.clock = clock;
    }

    /** One statement line as a rep reads it. */
    public record Row(String title, String detail, String amount, String why, boolean negative) {
    }

    /** One period of the chart. */
    public record Point(String period, BigDecimal earned, BigDecimal attainment, String earnedText,
                        String attainmentText) {
    }

    public record Figures(String period, String currency, String status, List<Row> rows, String total,
                          List<Point> history) {
    }

    /** The subject's figures for the period (the current one of their plan when blank), if they have a plan. */
    public Optional<Figures> of(String username, String periodText) {
        try {
            LocalDate today = LocalDate.now(clock);
            Period period;
            if (periodText == null || periodText.isBlank()) {
                Optional<Plan> current = commission.planLookup().on(username, today);
                if (current.isEmpty()) {
                    return Optional.empty();
                }
                period = Period.containing(current.get().period(), today);
            } else {
                period = Period.parse(periodText);
            }
            Statement statement = commission.statements().statement(username, period);
            Plan plan = commission.planLookup().on(username, period.end()).orElse(null);
            List<Row> rows = rows(statement, plan, period.type());
            return Optional.of(new Figures(period.toString(), statement.currency(),
                    Format.words(statement.status()), rows, Format.money(statement.totals().earned(), statement.currency()),
                    history(username, period)));
        } catch (ApiException e) {
            return Optional.empty();
        }
    }

    private List<Row> rows(Statement statement, Plan plan, Period.Type type) {
        List<String> ids = statement.lines().stream().map(Statement.Line::transactionId)
                .filter(id -> id != null && !id.isBlank()).distinct().toList();
        Map<String, StatementLabelDao.Label> labels = ids.isEmpty() ? Map.of()
                : jdbi.withExtension(StatementLabelDao.class, dao -> dao.labels(ids)).stream()
                .collect(Collectors.toMap(StatementLabelDao.Label::id, Function.identity(), (a, b) -> a));
        List<Row> rows = new ArrayList<>();
        for (Statement.Line line : statement.lines()) {
            StatementLabelDao.Label label = labels.get(line.transactionId());
            String customer = label == null ? null
                    : label.accountName() != null ? label.accountName() : "CRM deal " + label.dealId();
            String product = label == null ? null : label.productName() != null ? label.productName() : label.sku();
            String title = customer == null ? component(line.component())
                    : customer + (product == null ? "" : " · " + product);
            List<String> detail = new ArrayList<>();
            if (customer != null && !"COMMISSION".equals(line.component())) {
                detail.add(component(line.component()));
            }
            if (label != null && label.closeDate() != null) {
                detail.add("closed " + label.closeDate());
            }
            if (line.baseAmount() != null && "COMMISSION".equals(line.component())) {
                detail.add("on " + Format.money(line.baseAmount(), statement.currency()) + " credited");
            }
            rows.add(new Row(title, String.join(" · ", detail), Format.money(line.amount(), statement.currency()),
                    StatementWords.why(line, plan, type), line.amount() != null && line.amount().isNegative()));
        }
        return rows;
    }

    private static String component(String component) {
        return switch (component == null ? "" : component) {
            case "SPIF" -> "SPIF";
            case "CLAWBACK" -> "Clawback";
            case "PRIOR_PERIOD_CLAWBACK" -> "Clawback of an earlier period";
            case "CAP" -> "Cap on the period's commission";
            default -> Format.words(component).toLowerCase(Locale.ROOT).isEmpty() ? "Commission" : Format.words(component);
        };
    }

    /** The period and the three before it, oldest first; a period without a plan shows as nothing earned. */
    private List<Point> history(String username, Period last) {
        List<Period> periods = new ArrayList<>();
        Period period = last;
        for (int i = 0; i < 4; i++) {
            periods.add(0, period);
            period = period.previous();
        }
        List<Point> points = new ArrayList<>();
        for (Period each : periods) {
            try {
                Statement statement = commission.statements().statement(username, each);
                points.add(new Point(each.toString(), statement.totals().earned().amount(), statement.attainment(),
                        Format.money(statement.totals().earned(), statement.currency()),
                        Format.percent(statement.attainment())));
            } catch (ApiException e) {
                points.add(new Point(each.toString(), BigDecimal.ZERO, null, "—", "—"));
            }
        }
        return points;
    }
}
