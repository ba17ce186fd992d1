package dealdesk.pipeline;

import dealdesk.auth.Role;
import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.common.ApiException;
import dealdesk.common.Money;
import dealdesk.common.Period;
import dealdesk.common.Validation;
import dealdesk.deal.Deal;
import dealdesk.deal.DealStage;
import dealdesk.deal.StageChange;
import dealdesk.pipeline.api.Funnel;
import dealdesk.pipeline.api.FunnelPlan;
import dealdesk.pipeline.api.FunnelPlanRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jdbi.v3.core.Jdbi;

/**
 * The funnel: per stage, the deals that entered it during the period (from
 * the stage history; a deal that jumps a stage has passed it), conversion to
 * the next stage, and the plan a manager or finance set against it.
 */
public class FunnelService {
    /** The funnel's stages in order; a lost or cancelled deal leaves it where it was. */
    static final List<DealStage> STAGES = List.of(DealStage.PROSPECTING, DealStage.QUALIFIED, DealStage.NEEDS_ANALYSIS,
            DealStage.PROPOSAL, DealStage.NEGOTIATION, DealStage.CLOSED_WON);

    private final Jdbi jdbi;
    private final UserService users;
    private final PipelineService pipeline;
    private final DealValues values;
    private final ScopeResolver scopes;
    private final Clock clock;

    FunnelService(Jdbi jdbi, UserService users, PipelineService pipeline, DealValues values, ScopeResolver scopes,
                  Clock clock) {
        this.jdbi = jdbi;
        this.users = users;
        this.pipeline = pipeline;
        this.values = values;
        this.scopes = scopes;
        this.clock = clock;
    }

    public Funnel funnel(User viewer, String username, String team, String periodText) {
        Scope scope = scopes.resolve(viewer, username, team, periodText);
        Instant from = scope.period().start().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant to = scope.period().end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        int[] reached = new int[STAGES.size()];
        Money[] amounts = new Money[STAGES.size()];
        java.util.Arrays.fill(amounts, Money.zero(scope.currency()));
        // the funnel is the owners' work: a credit split alone does not make a deal theirs
        for (Deal deal : pipeline.load(scope, dao -> dao.movedDeals(scope.members(), from, to))) {
            int before = -1;
            int during = -1;
            for (StageChange change : deal.stageHistory()) {
                int rank = STAGES.indexOf(change.to());
                if (change.changedAt().isBefore(from)) {
                    before = Math.max(before, rank);
                } else if (change.changedAt().isBefore(to)) {
                    during = Math.max(during, rank);
                }
            }
            Money found = values.value(deal, scope.planOf(deal.owner()));
            Money value = found == null ? null : values.in(found, scope.currency(), deal);
            for (int rank = before + 1; rank <= during; rank++) {
                reached[rank]++;
                if (value != null) {
                    amounts[rank] = amounts[rank].plus(value.rounded());
                }
            }
        }
        Map<DealStage, Integer> plan = plan(scope.members(), scope.period());
        List<Funnel.Stage> stages = new ArrayList<>();
        for (int rank = 0; rank < STAGES.size(); rank++) {
            BigDecimal conversion = rank + 1 == STAGES.size() || reached[rank] == 0 ? null
                    : BigDecimal.valueOf(reached[rank + 1]).divide(BigDecimal.valueOf(reached[rank]), 4, RoundingMode.HALF_UP);
            stages.add(new Funnel.Stage(STAGES.get(rank), reached[rank], conversion, plan.get(STAGES.get(rank)),
                    amounts[rank]));
        }
        return new Funnel(scope.period().toString(), scope.username(), scope.team(), scope.currency().getCurrencyCode(),
                stages);
    }

    /** The members' planned deals per stage, summed; a stage nobody planned is absent. */
    private Map<DealStage, Integer> plan(List<String> members, Period period) {
        Map<DealStage, Integer> plan = new HashMap<>();
        if (members.isEmpty()) {
            return plan;
        }
        for (PipelineDao.PlannedStage row : jdbi.withExtension(PipelineDao.class, dao -> dao.plans(members, period.toString()))) {
            plan.merge(DealStage.valueOf(row.stage()), row.planned(), Integer::sum);
        }
        return plan;
    }

    public FunnelPlan getPlan(User viewer, String username, String periodText) {
        users.requireCanSeeMoneyOf(viewer, username);
        Period period = Period.parse(periodText);
        return stored(username, period);
    }

    /** Replaces a user's funnel plan for a period: their manager, finance or an admin may. */
    public FunnelPlan putPlan(User viewer, String username, String periodText, FunnelPlanRequest request) {
        boolean theirManager = viewer.role() == Role.MANAGER
                && users.find(username).map(user -> viewer.username().equals(user.manager())).orElse(false);
        if (!viewer.seesAllMoney() && !theirManager) {
            throw ApiException.forbidden("only " + username + "'s manager, finance or an admin may set their funnel plan");
        }
        users.require(username);
        Period period = Period.parse(periodText);
        Validation validation = new Validation();
        Map<DealStage, Integer> planned = new LinkedHashMap<>();
        if (request == null) {
            validation.add("stages", "give planned deals per stage, like {\"stages\": {\"PROSPECTING\": 40}}");
        } else if (validation.check(request, "")) {
            request.stages().forEach((stage, count) -> planned.put(DealStage.valueOf(stage), count));
        }
        validation.throwIfInvalid();
        Instant now = clock.instant();
        jdbi.useTransaction(handle -> {
            PipelineDao dao = handle.attach(PipelineDao.class);
            dao.deletePlan(username, period.toString());
            planned.forEach((stage, count) -> dao.insertPlan(username, period.toString(), stage.name(), count,
                    viewer.username(), now));
        });
        return stored(username, period);
    }

    private FunnelPlan stored(String username, Period period) {
        Map<DealStage, Integer> plan = plan(List.of(username), period);
        Map<String, Integer> stages = new LinkedHashMap<>();
        STAGES.stream().filter(plan::containsKey).forEach(stage -> stages.put(stage.name(), plan.get(stage)));
        return new FunnelPlan(username, period.toString(), stages);
    }
}
