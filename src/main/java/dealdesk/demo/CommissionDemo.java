package dealdesk.demo;

import dealdesk.commission.CommissionServices;
import dealdesk.commission.TransactionParser;
import dealdesk.commission.api.AssignmentRequest;
import java.math.BigDecimal;

/**
 * Demo commission data: a layered plan like ../shared/examples/layered-plan.yaml
 * on alice and bob for 2026, quotas for 2026-Q3 and Q4, CRM bookings, and the
 * demo deals won so far booked from their primary quotes, so the statements
 * and dashboard (with the open deals as pipeline) have something true to show.
 */
public class CommissionDemo {
    static final String PLAN = """
            # 15% base, 20% on AI analytics, 5% on legacy, healthcare +10%, quarter-start and
            # quarter-end accelerators, 1.5x above quota, a cash SPIF and a trip.
            id: ae-layered
            effectiveFrom: 2026-01-01
            period: QUARTER
            currency: USD
            creditBasis: ACV
            baseRate: 0.15
            productRates:
              - { match: { sku: AN-AI }, rate: 0.20 }
              - { match: { family: LEGACY }, rate: 0.05 }
            multipliers:
              - { match: { industry: HEALTHCARE }, factor: 1.10 }
            timing:
              - { window: LAST_DAYS, days: 14, factor: 1.10 }
              - { window: FIRST_DAYS, days: 21, factor: 1.05 }
            tiers:
              basis: ATTAINMENT
              mode: MARGINAL
              bands:
                - { from: 0.0, to: 1.0, multiplier: 1.0 }
                - { from: 1.0, multiplier: 1.5 }
            spifs:
              - { id: push-ai, from: 2026-10-01, to: 2026-12-31, match: { sku: AN-AI },
                  award: { type: PER_UNIT, amount: 100 } }
              - { id: hawaii, from: 2026-10-01, to: 2026-12-31, match: { sku: HW-KIOSK },
                  threshold: { units: 10 },
                  award: { type: NON_CASH, description: Trip to Hawaii, value: 5000 } }
            clawback: { windowDays: 90 }
            """;

    static final String BOOKINGS = """
            id,dealId,closeDate,sku,family,units,amount,currency,industry,dealType,splits
            DEMO-Q3-1,DEMO-D01,2026-08-14,CRM-PRO,CRM,40,48000,USD,RETAIL,NEW,alice:100
            DEMO-Q3-2,DEMO-D02,2026-09-22,CRM-ENT,CRM,25,61000,USD,FINANCE,NEW,bob:100
            DEMO-Q4-2,DEMO-D11,2026-10-19,AN-AI,ANALYTICS,4,32000,USD,HEALTHCARE,EXPANSION,alice:100
            DEMO-Q4-3,DEMO-D12,2026-11-03,LEG-CLASSIC,LEGACY,30,14400,USD,RETAIL,RENEWAL,alice:100
            DEMO-Q4-4,DEMO-D13,2026-11-12,HW-KIOSK,HARDWARE,7,20300,USD,HEALTHCARE,NEW,alice:60;bob:40
            DEMO-Q4-5,DEMO-D14,2026-10-09,CRM-STD,CRM,60,43200,USD,MANUFACTURING,NEW,bob:100
            DEMO-Q4-6,DEMO-D15,2026-11-02,AN-AI,ANALYTICS,2,16000,USD,RETAIL,NEW,bob:100
            DEMO-Q4-7,DEMO-D16,2026-11-17,CRM-ENT,CRM,20,52000,USD,HEALTHCARE,EXPANSION,bob:100
            """;

    private final CommissionServices commission;

    public CommissionDemo(CommissionServices commission) {
        this.commission = commission;
    }

    /** The plan, its assignments, quotas and CRM bookings; the demo deals book themselves when they close. */
    public void seed() {
        commission.plans().putPlan("ae-layered", PLAN, "demo");
        for (String rep : new String[] {"alice", "bob"}) {
            commission.plans().putAssignment("ae-layered", rep, new AssignmentRequest("2026-01-01", "2026-12-31"), "demo");
        }
        commission.plans().putQuota("alice", "2026-Q3", new BigDecimal("180000"), "demo");
        commission.plans().putQuota("bob", "2026-Q3", new BigDecimal("150000"), "demo");
        commission.plans().putQuota("alice", "2026-Q4", new BigDecimal("450000"), "demo");
        commission.plans().putQuota("bob", "2026-Q4", new BigDecimal("250000"), "demo");
        commission.bookings().importTransactions(TransactionParser.fromCsv(BOOKINGS), "rows", "IMPORT", "demo");
    }
}
