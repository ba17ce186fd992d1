package dealdesk.rules;

import dealdesk.commission.AssignmentDao;
import dealdesk.commission.PlanDao;
import dealdesk.commission.PlanVersion;
import dealdesk.commission.StatementService;
import dealdesk.commission.engine.CommissionEngine;
import dealdesk.commission.engine.DroolsDecider;
import dealdesk.commission.engine.StatementInput;
import dealdesk.commission.plan.Plan;
import dealdesk.commission.plan.PlanParser;
import dealdesk.common.ApiException;
import dealdesk.common.Audit;
import dealdesk.common.Period;
import dealdesk.rules.CommissionSimulator.Change;
import dealdesk.rules.CommissionSimulator.Simulation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Jdbi;

/**
 * Changing the plan safely: the list of plans and their versions, and what-if runs of a draft
 * plan or draft commission rules against a period's real inputs, per user, storing nothing but
 * the audit entry that the run happened.
 */
public class WhatIfService {
    private final Jdbi jdbi;
    private final StatementService statements;
    private final RuleSetService ruleSets;
    private final CommissionSimulator simulator;
    private final Clock clock;

    public WhatIfService(Jdbi jdbi, StatementService statements, RuleSetService ruleSets, Clock clock) {
        this.jdbi = jdbi;
        this.statements = statements;
        this.ruleSets = ruleSets;
        this.simulator = new CommissionSimulator(jdbi, statements);
        this.clock = clock;
    }

    public List<PlanChangeDao.PlanSummary> plans() {
        return jdbi.withExtension(PlanChangeDao.class, dao -> dao.plans(LocalDate.now(clock)));
    }

    public List<PlanVersion> versions(String id) {
        List<PlanVersion> versions = jdbi.withExtension(PlanDao.class, dao -> dao.versions(id));
        if (versions.isEmpty()) {
            throw ApiException.notFound("plan", id);
        }
        return versions;
    }

    /** Every user on plan {@code id} in the period, paid as now and as the draft document would pay them. */
    public Simulation simulatePlan(String id, String periodText, String document, String actor) {
        Period period = Period.parse(periodText);
        Plan parsed = PlanParser.parse(document);
        if (!id.equals(parsed.id())) {
            throw ApiException.invalid("id", "the document's id " + parsed.id() + " differs from the path's " + id);
        }
        if (jdbi.withExtension(PlanDao.class, dao -> dao.latestVersion(id)) == 0) {
            throw ApiException.notFound("plan", id);
        }
        if (parsed.period() != period.type()) {
            throw ApiException.invalid("period", "the draft pays by " + parsed.period() + "; ask for "
                    + Period.containing(parsed.period(), period.start()));
        }
        Plan draft = parsed.withVersion(0, parsed.effectiveFrom() != null ? parsed.effectiveFrom() : period.start());
        List<String> users = jdbi.withExtension(PlanChangeDao.class,
                dao -> dao.usersOf(id, period.start(), period.end()));
        UnaryOperator<StatementInput> withDraft = input -> input.plan().id().equals(id)
                ? new StatementInput(draft, input.username(), input.period(), input.quota(), input.transactions(),
                input.carriedClawbacks(), input.drawBalance())
                : input;
        Simulation simulation = simulator.run(period, users, new Change(statements.engine(), withDraft));
        audit(actor, "SIMULATE_PLAN", "commission_plan", id, simulation);
        return simulation;
    }

    /** Every user paid in the period, by the rules in force and by the draft rule set. */
    public Simulation simulateRuleSet(long id, String periodText, String actor) {
        RuleSetDao.RuleSetRow row = ruleSets.find(id);
        if (RuleBase.parse(row.base(), "base") != RuleBase.COMMISSION) {
            throw ApiException.invalid("base", "a simulation compares commission statements; pricing rules show"
                    + " their effect in a quote preview once activated");
        }
        Period period = Period.parse(periodText);
        CommissionEngine draft = new CommissionEngine(DroolsDecider.of(ruleSets.inForce().compiled(id)));
        List<String> users = jdbi.withExtension(AssignmentDao.class,
                dao -> dao.usersDuring(period.start(), period.end()));
        Simulation simulation = simulator.run(period, users, new Change(draft, UnaryOperator.identity()));
        audit(actor, "SIMULATE_RULE_SET", "rule_set", Long.toString(id), simulation);
        return simulation;
    }

    private void audit(String actor, String action, String entity, String entityId, Simulation simulation) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("period", simulation.period());
        after.put("users", simulation.users().size());
        after.put("total", simulation.total());
        jdbi.useTransaction(handle -> Audit.record(handle, actor, action, entity, entityId, null, after));
    }
}
