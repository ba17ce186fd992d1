package dealdesk.commission;

import dealdesk.commission.OpenPipeline.OpenDeal;
import dealdesk.commission.Transaction.Product;
import dealdesk.commission.Transaction.Split;
import dealdesk.commission.api.EstimateRequest;
import dealdesk.commission.api.EstimateRequest.EstimateLine;
import dealdesk.commission.engine.CommissionEngine;
import dealdesk.commission.engine.Estimator.Estimate;
import dealdesk.commission.engine.Statement;
import dealdesk.commission.plan.Plan;
import dealdesk.common.ApiException;
import dealdesk.common.Dates;
import dealdesk.common.Money;
import dealdesk.common.Period;
import dealdesk.common.Validation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/** Estimates as the API asks for them (lines, or an open deal) and the rep dashboard. */
public class InsightService {
    private final StatementService statements;
    private final EstimateService estimates;
    private final PlanLookup plans;
    private final OpenPipeline pipeline;
    private final Clock clock;

    public InsightService(StatementService statements, EstimateService estimates, PlanLookup plans,
                          OpenPipeline pipeline, Clock clock) {
        this.statements = statements;
        this.estimates = estimates;
        this.plans = plans;
        this.pipeline = pipeline;
        this.clock = clock;
    }

    public Estimate estimate(EstimateRequest request) {
        if (request == null) {
            throw ApiException.invalid("body", "send {username, closeDate, lines}");
        }
        Validation validation = new Validation();
        validation.check(request, "");
        if (request.dealId() != null) {
            if (request.lines() != null && !request.lines().isEmpty()) {
                validation.add("lines", "give dealId or lines, not both");
            }
            validation.throwIfInvalid(EstimateRequest.class);
            LocalDate closeDate = request.closeDate() == null ? null : Dates.parse(request.closeDate()).orElseThrow();
            OpenPipeline.OpenDeal deal = pipeline.openDeal(request.username(), request.dealId(), closeDate);
            Currency currency = planCurrency(request.username(), deal.expectedClose());
            if (!inCurrency(deal, currency)) {
                throw ApiException.invalid("dealId", "deal " + request.dealId() + " is quoted in another currency than "
                        + currency.getCurrencyCode() + ", which " + request.username() + "'s plan pays in");
            }
            return estimates.estimate(request.username(), deal.expectedClose(), deal.transactions());
        }
        if (request.closeDate() == null) {
            validation.add("closeDate", "a date like 2026-11-23 is required");
        }
        if (request.lines() == null || request.lines().isEmpty()) {
            validation.add("lines", "give at least one line (or a dealId)");
        }
        validation.throwIfInvalid(EstimateRequest.class);
        LocalDate closeDate = Dates.parse(request.closeDate()).orElseThrow();
        // the lines are in the currency the user's plan pays in
        Currency currency = planCurrency(request.username(), closeDate);
        List<Transaction> hypothetical = new ArrayList<>();
        for (int i = 0; i < request.lines().size(); i++) {
            EstimateLine line = request.lines().get(i);
            hypothetical.add(new Transaction("estimate-" + (i + 1), "estimate", closeDate,
                    new Product(line.sku(), line.family(), line.units(), line.industry(), line.dealType()),
                    Money.of(line.amount(), currency),
                    new Transaction.Values(money(line.acv(), currency), money(line.tcv(), currency)),
                    List.of(new Split(request.username(), BigDecimal.valueOf(100))), null));
        }
        return estimates.estimate(request.username(), closeDate, hypothetical);
    }

    /** The currency of the plan that pays the user for a deal closing on a date (422 when there is none). */
    private Currency planCurrency(String username, LocalDate closeDate) {
        return estimates.planOn(username, closeDate).orElseThrow(() ->
                ApiException.invalid("closeDate", username + " has no plan on " + closeDate)).currency();
    }

    private static boolean inCurrency(OpenDeal deal, Currency currency) {
        return deal.transactions().stream().allMatch(transaction -> transaction.amount().currency().equals(currency));
    }

    private static Money money(BigDecimal amount, Currency currency) {
        return amount == null ? null : Money.of(amount, currency);
    }

    // ---- dashboard ------------------------------------------------------------------------------

    public record PipelineDeal(String dealId, String name, String stage, BigDecimal probability, LocalDate expectedClose,
                               Money amount, Money weightedAmount, Money commission, Money weightedCommission) {
    }

    public record Pipeline(List<PipelineDeal> deals, Money amount, Money weightedAmount, Money weightedCommission) {
    }

    /** What a rep sees first: where they stand, what is next, what the pipeline would pay. */
    public record Dashboard(
            String username,
            String period,
            String currency,
            String status,
            Money quota,
            Money credited,
            BigDecimal attainment,
            Money earned,
            Money payable,
            Money paid,
            Statement.Progress tiers,
            Pipeline pipeline,
            Money gapToQuota,
            BigDecimal pipelineCoverage) {
    }

    public Dashboard dashboard(String username, String periodText) {
        Period period;
        if (periodText == null || periodText.isBlank()) {
            LocalDate today = LocalDate.now(clock);
            Plan plan = plans.on(username, today).orElseThrow(() ->
                    ApiException.invalid("period", username + " has no plan today; give ?period="));
            period = Period.containing(plan.period(), today);
        } else {
            period = Period.parse(periodText);
        }
        Statement statement = statements.statement(username, period);
        Currency currency = Currency.getInstance(statement.currency());
        List<PipelineDeal> deals = new ArrayList<>();
        Money nothing = Money.of(BigDecimal.ZERO, currency);
        Money amount = nothing;
        Money weightedAmount = nothing;
        Money weightedCommission = nothing;
        Plan plan = plans.on(username, period.end()).orElse(null);
        for (OpenDeal deal : pipeline.openDeals(username, period.start(), period.end())) {
            if (!inCurrency(deal, currency)) {
                continue; // quoted in another currency than the plan pays: nothing honest to show
            }
            // the user's credit: the plan's basis (ACV, TCV, amount) times their split
            Money dealAmount = nothing;
            for (Transaction transaction : deal.transactions()) {
                Money basis = plan == null ? transaction.amount() : CommissionEngine.basis(plan, transaction);
                for (Split split : transaction.splits()) {
                    if (split.username().equals(username)) {
                        dealAmount = dealAmount.plus(basis.times(split.percent().movePointLeft(2)));
                    }
                }
            }
            Money dealCommission = estimates.estimate(username, deal.expectedClose(), deal.transactions()).amount();
            Money weighted = dealAmount.times(deal.probability()).rounded();
            Money weightedPay = dealCommission.times(deal.probability()).rounded();
            deals.add(new PipelineDeal(deal.dealId(), deal.name(), deal.stage(), deal.probability(), deal.expectedClose(),
                    dealAmount.rounded(), weighted, dealCommission, weightedPay));
            amount = amount.plus(dealAmount.rounded());
            weightedAmount = weightedAmount.plus(weighted);
            weightedCommission = weightedCommission.plus(weightedPay);
        }
        Money gap = statement.quota() == null ? null : statement.quota().minus(statement.credited()).max(nothing);
        BigDecimal coverage = gap == null || gap.isZero() ? null
                : weightedAmount.amount().divide(gap.amount(), 4, RoundingMode.HALF_UP);
        Money paid = "PAID".equals(statement.status()) ? statement.totals().payable() : nothing;
        return new Dashboard(username, period.toString(), statement.currency(), statement.status(), statement.quota(),
                statement.credited(), statement.attainment(), statement.totals().earned(), statement.totals().payable(),
                paid, statement.progress(), new Pipeline(deals, amount, weightedAmount, weightedCommission), gap, coverage);
    }
}
