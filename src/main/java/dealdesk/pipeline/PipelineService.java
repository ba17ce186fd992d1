package dealdesk.pipeline;

import dealdesk.auth.User;
import dealdesk.commission.StatementService;
import dealdesk.commission.engine.Statement;
import dealdesk.commission.plan.Plan;
import dealdesk.common.Money;
import dealdesk.common.Period;
import dealdesk.deal.CreditSplit;
import dealdesk.deal.Deal;
import dealdesk.deal.DealService;
import dealdesk.deal.DealStage;
import dealdesk.deal.ForecastCategory;
import dealdesk.pipeline.api.PipelineReport;
import dealdesk.pipeline.api.PipelineReport.CategoryFigures;
import dealdesk.pipeline.api.PipelineReport.OpenDeal;
import dealdesk.pipeline.api.PipelineReport.StageFigures;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * Coverage: how much of the quota is closed, how much the open pipeline of
 * the period covers (whole and weighted by stage probability), and how many
 * new deals still have to be created, from the history's average won amount
 * and win rate.
 */
public class PipelineService {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final List<DealStage> OPEN_STAGES = List.of(DealStage.PROSPECTING, DealStage.QUALIFIED,
            DealStage.NEEDS_ANALYSIS, DealStage.PROPOSAL, DealStage.NEGOTIATION);

    private final Jdbi jdbi;
    private final DealService deals;
    private final StatementService statements;
    private final DealValues values;
    private final ScopeResolver scopes;

    PipelineService(Jdbi jdbi, DealService deals, StatementService statements, DealValues values, ScopeResolver scopes) {
        this.jdbi = jdbi;
        this.deals = deals;
        this.statements = statements;
        this.values = values;
        this.scopes = scopes;
    }

    public PipelineReport pipeline(User viewer, String username, String team, String periodText) {
        Scope scope = scopes.resolve(viewer, username, team, periodText);
        Period period = scope.period();
        return report(scope, load(scope, dao -> dao.pipelineDeals(scope.members(), period.start(), period.end(),
                historyFrom(period))));
    }

    /** The deals a query finds for the scope's members, loaded with their flags. */
    List<Deal> load(Scope scope, java.util.function.Function<PipelineDao, List<Long>> query) {
        if (scope.members().isEmpty()) {
            return List.of();
        }
        return jdbi.withExtension(PipelineDao.class, query::apply).stream().map(deals::load).toList();
    }

    /** The history the averages come from: the year up to the period's end. */
    private static LocalDate historyFrom(Period period) {
        return period.end().minusYears(1).plusDays(1);
    }

    private PipelineReport report(Scope scope, List<Deal> all) {
        Period period = scope.period();
        Money zero = Money.zero(scope.currency());
        Map<DealStage, Figures> byStage = new EnumMap<>(DealStage.class);
        Map<ForecastCategory, Figures> byCategory = new EnumMap<>(ForecastCategory.class);
        OPEN_STAGES.forEach(stage -> byStage.put(stage, new Figures(zero)));
        for (ForecastCategory category : ForecastCategory.values()) {
            byCategory.put(category, new Figures(zero));
        }
        Figures open = new Figures(zero);
        Figures won = new Figures(zero);
        int lost = 0;
        int otherCurrency = 0;
        List<OpenDeal> openDeals = new ArrayList<>();
        LocalDate historyFrom = historyFrom(period);
        for (Deal deal : all) {
            if (DealValues.share(deal, scope.members()).signum() == 0) {
                continue;
            }
            boolean openInPeriod = deal.stage().open() && period.contains(deal.expectedCloseDate());
            boolean closedInHistory = !deal.stage().open() && deal.closedOn() != null
                    && !deal.closedOn().isBefore(historyFrom) && !deal.closedOn().isAfter(period.end());
            boolean wonInPeriod = deal.stage() == DealStage.CLOSED_WON && period.contains(deal.closedOn());
            if (!openInPeriod && !closedInHistory) {
                continue;
            }
            Money amount = credit(deal, scope);
            if (amount == null) {
                otherCurrency++;
                continue;
            }
            if (openInPeriod) {
                Money weighted = amount.times(BigDecimal.valueOf(deal.probability()).movePointLeft(2)).rounded();
                open.add(amount, weighted);
                byStage.get(deal.stage()).add(amount, weighted);
                byCategory.get(deal.forecastCategory()).add(amount, weighted);
                openDeals.add(new OpenDeal(deal.id(), deal.account().name(), deal.owner(), deal.stage(),
                        deal.forecastCategory(), deal.expectedCloseDate(), amount, weighted, deal.flags()));
            } else if (deal.stage() == DealStage.CLOSED_WON) {
                won.add(amount, amount);
                if (wonInPeriod) {
                    byCategory.get(ForecastCategory.CLOSED).add(amount, amount);
                }
            } else {
                lost++;
            }
        }
        Quota quota = quota(scope, byCategory.get(ForecastCategory.CLOSED).amount);
        Money gap = quota.quota() == null ? null : quota.quota().minus(quota.closedWon()).max(zero);
        Money averageWon = won.count == 0 ? null : won.amount.dividedBy(BigDecimal.valueOf(won.count)).rounded();
        BigDecimal winRate = won.count + lost == 0 ? null
                : BigDecimal.valueOf(won.count).divide(BigDecimal.valueOf(won.count + lost), 4, RoundingMode.HALF_UP);
        Money toBuild = gap == null ? null : gap.minus(open.weighted).max(zero);
        return new PipelineReport(period.toString(), scope.username(), scope.team(), scope.currency().getCurrencyCode(),
                quota.quota(), quota.closedWon(), gap, new PipelineReport.Open(open.count, open.amount, open.weighted),
                fraction(open.amount, gap), fraction(open.weighted, gap),
                OPEN_STAGES.stream().map(stage -> byStage.get(stage).ofStage(stage)).toList(),
                byCategory.entrySet().stream().map(entry -> entry.getValue().ofCategory(entry.getKey())).toList(),
                averageWon, winRate, dealsNeeded(toBuild, averageWon, winRate),
                new PipelineReport.Forecast(open.weighted, toBuild),
                new PipelineReport.History(historyFrom, period.end(), won.count, lost, otherCurrency), openDeals);
    }

    /** The members' share of a deal's value, each split on its member's plan; null when in another currency. */
    Money credit(Deal deal, Scope scope) {
        Money total = Money.zero(scope.currency());
        for (CreditSplit split : deal.splits()) {
            if (!scope.members().contains(split.username())) {
                continue;
            }
            Money value = values.value(deal, scope.planOf(split.username()));
            if (value == null) {
                continue; // no quote and no expected amount yet: the deal counts, its amount is unknown
            }
            Money converted = values.in(value, scope.currency(), deal);
            if (converted == null) {
                return null; // another currency and no rate for it: left out of the amounts, counted as such
            }
            total = total.plus(converted.times(split.percent().divide(HUNDRED)).rounded());
        }
        return total;
    }

    private record Quota(Money quota, Money closedWon) {
    }

    /**
     * Quota and credited amount from the members' statements when their plans pay by this period
     * (imports count there too); otherwise no quota, and closed won is the won deals' share.
     */
    private Quota quota(Scope scope, Money wonDeals) {
        Money quota = null;
        Money credited = Money.zero(scope.currency());
        boolean anyStatement = false;
        for (String member : scope.members()) {
            Plan plan = scope.planOf(member);
            if (plan == null || plan.period() != scope.period().type()) {
                continue;
            }
            Statement statement = statements.statement(member, scope.period());
            anyStatement = true;
            credited = credited.plus(statement.credited());
            if (statement.quota() != null) {
                Money memberQuota = statement.quota();
                quota = quota == null ? memberQuota : quota.plus(memberQuota);
            }
        }
        return anyStatement ? new Quota(quota, credited.rounded()) : new Quota(null, wonDeals);
    }

    /** An amount over the gap, four decimals; null without a gap to cover. */
    private static BigDecimal fraction(Money amount, Money gap) {
        return gap == null || gap.isZero() ? null : amount.amount().divide(gap.amount(), 4, RoundingMode.HALF_UP);
    }

    /** New deals to create: what is left to build over what an average deal wins once the win rate applies. */
    static Integer dealsNeeded(Money toBuild, Money averageWon, BigDecimal winRate) {
        if (toBuild == null) {
            return null;
        }
        if (toBuild.isZero()) {
            return 0;
        }
        if (averageWon == null || averageWon.isZero() || winRate == null || winRate.signum() == 0) {
            return null;
        }
        BigDecimal perNewDeal = averageWon.amount().multiply(winRate);
        return toBuild.amount().divide(perNewDeal, 0, RoundingMode.CEILING).intValueExact();
    }

    /** Count, amount and weighted amount of a group of deals. */
    private static final class Figures {
        int count;
        Money amount;
        Money weighted;

        Figures(Money zero) {
            this.amount = zero;
            this.weighted = zero;
        }

        void add(Money dealAmount, Money dealWeighted) {
            count++;
            amount = amount.plus(dealAmount);
            weighted = weighted.plus(dealWeighted);
        }

        StageFigures ofStage(DealStage stage) {
            return new StageFigures(stage, stage.probability(), count, amount, weighted);
        }

        CategoryFigures ofCategory(ForecastCategory category) {
            return new CategoryFigures(category, count, amount, weighted);
        }
    }
}
