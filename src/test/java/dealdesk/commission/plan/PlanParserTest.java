package dealdesk.commission.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dealdesk.common.ApiException;
import dealdesk.common.FieldError;
import dealdesk.common.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlanParserTest {
    private static final String VALID = """
            id: ae-fy2026
            period: QUARTER
            currency: USD
            creditBasis: ACV
            baseRate: 0.10
            productRates:
              - { match: { sku: X }, rate: 0.20 }
            multipliers:
              - { match: { industry: HEALTHCARE }, factor: 1.10 }
            timing:
              - { window: LAST_DAYS, days: 14, factor: 1.10 }
            tiers:
              basis: ATTAINMENT
              mode: MARGINAL
              bands:
                - { from: 0.0, to: 0.5, multiplier: 0.5 }
                - { from: 0.5, to: 1.0, multiplier: 1.0 }
                - { from: 1.0, rate: 0.2 }
            spifs:
              - { id: q4-x, from: 2026-10-01, to: 2026-12-31, match: { sku: X }, award: { type: PER_UNIT, amount: 100 } }
              - { id: hawaii, from: 2026-10-01, to: 2026-12-31, match: { sku: Y }, threshold: { units: 50 },
                  award: { type: NON_CASH, description: Trip to Hawaii, value: 5000 } }
            cap: { amount: 150000 }
            clawback: { windowDays: 90 }
            draw: { amount: 1500, recoverable: true }
            """;

    @Test
    void aFullPlanParsesIntoExactDecimals() {
        Plan plan = PlanParser.parse(VALID);

        assertThat(plan.id()).isEqualTo("ae-fy2026");
        assertThat(plan.period()).isEqualTo(Period.Type.QUARTER);
        assertThat(plan.rates().baseRate()).isEqualByComparingTo("0.10");
        assertThat(plan.tiers().bands()).hasSize(3);
        assertThat(plan.tiers().bands().get(2).to()).isNull();
        assertThat(plan.tiers().bands().get(2).rate()).isEqualByComparingTo("0.2");
        assertThat(plan.spifs().get(1).threshold().units()).isEqualByComparingTo("50");
        assertThat(plan.limits().cap()).isEqualByComparingTo("150000");
        assertThat(plan.limits().clawbackWindowDays()).isEqualTo(90);
        assertThat(plan.limits().drawRecoverable()).isTrue();
    }

    @Test
    void jsonIsTheSameSchema() {
        Plan plan = PlanParser.parse("""
                {"id": "json-plan", "period": "MONTH", "currency": "EUR", "creditBasis": "AMOUNT", "baseRate": 0.05}
                """);

        assertThat(plan.currency().getCurrencyCode()).isEqualTo("EUR");
        assertThat(plan.rates().baseRate()).isEqualByComparingTo("0.05");
    }

    @Test
    void overlappingBandsAreRejectedAtTheBand() {
        assertThat(errors(VALID.replace("{ from: 0.5, to: 1.0, multiplier: 1.0 }", "{ from: 0.4, to: 1.0, multiplier: 1.0 }")))
                .extracting(FieldError::path).containsExactly("tiers.bands[1].from");
    }

    @Test
    void unorderedBandsAreRejected() {
        List<FieldError> errors = errors(VALID.replace("{ from: 1.0, rate: 0.2 }", "{ from: 0.2, rate: 0.2 }"));

        assertThat(errors).extracting(FieldError::path).containsExactly("tiers.bands[2].from");
        assertThat(errors.get(0).message()).contains("ascending");
    }

    @Test
    void aGapBetweenBandsAndAnOpenBandBeforeTheLastAreRejected() {
        assertThat(errors(VALID.replace("{ from: 1.0, rate: 0.2 }", "{ from: 1.2, rate: 0.2 }")))
                .extracting(FieldError::path).containsExactly("tiers.bands[2].from");
        assertThat(errors(VALID.replace("{ from: 0.5, to: 1.0, multiplier: 1.0 }", "{ from: 0.5, multiplier: 1.0 }")))
                .extracting(FieldError::path).contains("tiers.bands[1].to");
    }

    @Test
    void ratesOutsideZeroToOneAreRejected() {
        assertThat(errors(VALID.replace("baseRate: 0.10", "baseRate: 1.5"))).extracting(FieldError::path)
                .containsExactly("baseRate");
        assertThat(errors(VALID.replace("rate: 0.20 }", "rate: -0.01 }"))).extracting(FieldError::path)
                .containsExactly("productRates[0].rate");
        assertThat(errors(VALID.replace("{ from: 1.0, rate: 0.2 }", "{ from: 1.0, rate: 2 }")))
                .extracting(FieldError::path).containsExactly("tiers.bands[2].rate");
    }

    @Test
    void unknownAwardTypeNamesTheField() {
        List<FieldError> errors = errors(VALID.replace("type: PER_UNIT", "type: PER_HUG"));

        assertThat(errors).extracting(FieldError::path).containsExactly("spifs[0].award.type");
        assertThat(errors.get(0).message()).contains("PER_HUG").contains("PER_UNIT");
    }

    @Test
    void spifWindowOutsideItsDatesIsRejected() {
        assertThat(errors(VALID.replace("id: q4-x, from: 2026-10-01, to: 2026-12-31", "id: q4-x, from: 2026-10-01, to: 2026-09-30")))
                .extracting(FieldError::path).containsExactly("spifs[0].to");
        assertThat(errors("effectiveFrom: 2027-01-01\n" + VALID)).extracting(FieldError::path)
                .containsExactly("spifs[0].to", "spifs[1].to");
    }

    @Test
    void unknownTimingWindowAndUnknownFieldsAreRejected() {
        assertThat(errors(VALID.replace("window: LAST_DAYS", "window: MIDDLE_DAYS"))).extracting(FieldError::path)
                .containsExactly("timing[0].window");
        assertThat(errors(VALID.replace("basis: ATTAINMENT", "basis: ATTAINMENT\n  bandz: []")))
                .extracting(FieldError::path).containsExactly("tiers.bandz");
    }

    @Test
    void aBandNeedsExactlyOneOfRateAndMultiplier() {
        assertThat(errors(VALID.replace("{ from: 1.0, rate: 0.2 }", "{ from: 1.0, rate: 0.2, multiplier: 2 }")))
                .extracting(FieldError::path).containsExactly("tiers.bands[2]");
    }

    @Test
    void baseRateAndTargetIncentiveAreExclusive() {
        assertThat(errors(VALID.replace("baseRate: 0.10", "baseRate: 0.10\ntargetIncentive: 25000")))
                .extracting(FieldError::path).containsExactly("targetIncentive");
    }

    @Test
    void missingRequiredFieldsAreAllReportedAtOnce() {
        assertThat(errors("id: x\n")).extracting(FieldError::path)
                .containsExactly("period", "currency", "creditBasis", "baseRate");
    }

    @Test
    void thresholdAwardNeedsAThreshold() {
        assertThat(errors(VALID.replace("award: { type: PER_UNIT, amount: 100 }", "award: { type: THRESHOLD, amount: 100 }")))
                .extracting(FieldError::path).containsExactly("spifs[0].threshold");
    }

    @Test
    void brokenYamlIsA422OnThePlan() {
        assertThat(errors("id: [unclosed")).extracting(FieldError::path).containsExactly("plan");
        assertThat(errors("- just\n- a list")).extracting(FieldError::path).containsExactly("plan");
    }

    @Test
    void aBandFromOfAnyWrongTypeIsA422AtTheBand() {
        for (String from : List.of("null", "lots", "true", "[1]", "{ a: 1 }", "1e400", "-1")) {
            List<FieldError> errors = errors(VALID.replace("{ from: 0.5, to: 1.0, multiplier: 1.0 }",
                    "{ from: " + from + ", to: 1.0, multiplier: 1.0 }"));

            assertThat(errors).as(from).extracting(FieldError::path).contains("tiers.bands[1].from");
        }
        assertThat(errors(VALID.replace("{ from: 0.5, to: 1.0,", "{ from: lots, to: 1.0,")).get(0).message())
                .isEqualTo("from must be a number, not lots");
        assertThat(errors(VALID.replace("{ from: 0.5, to: 1.0,", "{ from: [1], to: 1.0,")).get(0).message())
                .isEqualTo("from must be a number, not a list");
    }

    @Test
    void wrongTypesAndBrokenRulesAreReportedTogetherInDocumentOrder() {
        List<FieldError> errors = errors(VALID.replace("currency: USD", "currency: ZZZ")
                .replace("baseRate: 0.10", "baseRate: high")
                .replace("{ window: LAST_DAYS, days: 14, factor: 1.10 }", "{ window: LAST_DAYS, days: 14.5, factor: 11 }")
                .replace("{ from: 1.0, rate: 0.2 }", "{ from: 1.0, rate: 0.2, colour: red }")
                .replace("cap: { amount: 150000 }", "cap: 150000")
                .replace("clawback: { windowDays: 90 }", "clawback: { windowDays: 1e400 }"));

        assertThat(errors).extracting(FieldError::path).containsExactly("currency", "baseRate", "timing[0].days",
                "timing[0].factor", "tiers.bands[2].colour", "cap", "clawback.windowDays");
        assertThat(errors).extracting(FieldError::message).containsExactly("unknown currency ZZZ",
                "baseRate must be a number, not high", "days must be a whole number from 1 to 366",
                "factor must be from 0 to 10, not 11", "unknown field colour; expected one of from, to, rate, multiplier",
                "cap must be an object with amount", "windowDays must be a whole number from 0 to 3660");
    }

    @Test
    void hostileTextIsRefusedAtItsField() {
        assertThat(errors(VALID.replace("id: ae-fy2026", "id: \"ae\\0fy\"")))
                .extracting(FieldError::path).containsExactly("id");
        assertThat(errors(VALID.replace("{ sku: X }, rate", "{ sku: \"" + "x".repeat(100_000) + "\" }, rate")))
                .extracting(FieldError::path).containsExactly("productRates[0].match.sku");
        assertThat(errors(VALID.replace("period: QUARTER", "period: 2"))).extracting(FieldError::message)
                .containsExactly("period must be one of MONTH, QUARTER, YEAR, not 2");
    }

    @Test
    void aSecondDocumentABombAndDeepNestingAreRefused() {
        assertThat(errors(VALID + "---\nid: other\n")).extracting(FieldError::path).containsExactly("plan");
        StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 0; i < 60; i++) {
            bomb.append((char) ('b' + i % 20)).append(i).append(": &").append("l").append(i)
                    .append(" [*").append(i == 0 ? "a" : "l" + (i - 1)).append(", *").append(i == 0 ? "a" : "l" + (i - 1))
                    .append("]\n");
        }
        // aliases are not expanded while binding: the bomb is an unknown field, refused at once
        assertThat(errors(VALID + bomb)).extracting(FieldError::path).contains("a", "b0", "u59");
        assertThat(errors("id: " + "[".repeat(200) + "]".repeat(200))).extracting(FieldError::path)
                .containsExactly("plan");
    }

    @Test
    void lowerCaseNamesAndNumbersWrittenAsTextStillRead() {
        Plan plan = PlanParser.parse(VALID.replace("period: QUARTER", "period: quarter").replace("baseRate: 0.10",
                "baseRate: \"0.10\""));

        assertThat(plan.period()).isEqualTo(Period.Type.QUARTER);
        assertThat(plan.rates().baseRate()).isEqualByComparingTo("0.10");
    }

    @Test
    void documentsTheOldParserAcceptedStillRead() {
        // stored plan versions are parsed again on every statement: what was valid must stay valid
        Plan plan = PlanParser.parse(VALID.replace("  bands:\n", "  oldBands:\n").replace("  oldBands:\n", "")
                .replaceAll("(?m)^    - \\{ from.*\\n", ""));

        assertThat(plan.tiers().bands()).isEmpty();
        assertThat(errors(VALID.replaceAll("(?m)^    - \\{ from.*\\n", "").replace("  bands:\n", "  bands: []\n")))
                .extracting(FieldError::path).containsExactly("tiers.bands");
    }

    private static List<FieldError> errors(String document) {
        ApiException error = catchThrowableOfType(ApiException.class, () -> PlanParser.parse(document));
        assertThat(error).as("expected the plan to be rejected").isNotNull();
        assertThat(error.code().status()).isEqualTo(422);
        return error.details();
    }
}
