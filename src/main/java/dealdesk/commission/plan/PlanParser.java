package dealdesk.commission.plan;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dealdesk.commission.plan.Plan.Award;
import dealdesk.commission.plan.Plan.AwardType;
import dealdesk.commission.plan.Plan.Band;
import dealdesk.commission.plan.Plan.Limits;
import dealdesk.commission.plan.Plan.Rates;
import dealdesk.commission.plan.Plan.Spif;
import dealdesk.commission.plan.Plan.Threshold;
import dealdesk.commission.plan.Plan.Tiers;
import dealdesk.commission.plan.Plan.TimingWindow;
import dealdesk.common.ApiException;
import dealdesk.common.Binding;
import dealdesk.common.Validation;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a plan document (YAML or JSON: JSON is YAML) into a {@link Plan}, and
 * rejects anything not fully valid with every problem at its path
 * ({@code tiers.bands[1].from}), so nothing half-valid is ever stored. The
 * document binds to {@link PlanDocument}, whose constraints say each field's
 * form; values of the wrong type are collected while binding
 * ({@link Binding.Problems}); this class adds what spans fields.
 * SnakeYAML's limits (50 aliases, nesting) refuse YAML bombs; a second
 * document in the text is refused, not ignored.
 */
public final class PlanParser {
    private static final ObjectMapper YAML = yamlMapper();

    private final Validation validation = new Validation();

    private PlanParser() {
    }

    private static ObjectMapper yamlMapper() {
        YAMLFactory factory = new YAMLFactory();
        factory.setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(64).maxNumberLength(64).maxStringLength(1_000_000).build());
        return Binding.configure(new ObjectMapper(factory));
    }

    /** Parses and validates; a 422 with every problem at its path otherwise. */
    public static Plan parse(String document) {
        Binding.Problems problems = new Binding.Problems("");
        PlanDocument bound = bind(document == null ? "" : document, problems);
        PlanParser parser = new PlanParser();
        parser.validation.addAll(problems.errors());
        parser.validation.addAll(Validation.violations(bound, ""));
        parser.check(bound);
        parser.throwIfInvalid();
        return toPlan(bound);
    }

    private static PlanDocument bind(String document, Binding.Problems problems) {
        ObjectReader reader = YAML.readerFor(PlanDocument.class).withHandler(problems);
        try (JsonParser parser = YAML.getFactory().createParser(document)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw ApiException.invalid("plan", "the plan must be a YAML or JSON object");
            }
            PlanDocument bound = reader.readValue(parser);
            if (parser.nextToken() != null) {
                throw ApiException.invalid("plan", "the plan must be one document; another starts at line "
                        + parser.currentLocation().getLineNr());
            }
            return bound;
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw ApiException.invalid("plan", "the plan is not valid YAML or JSON" + where + ": "
                    + abbreviate(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            if (e instanceof ApiException api) {
                throw api;
            }
            throw ApiException.invalid("plan", "the plan is not valid YAML or JSON: " + abbreviate(e.getMessage()));
        }
    }

    /** What spans fields: a rate to start from, bands that tile, SPIF awards by type, unique SPIF ids. */
    private void check(PlanDocument plan) {
        if (plan.baseRate() != null && plan.targetIncentive() != null) {
            validation.add("targetIncentive", "give baseRate or targetIncentive, not both");
        }
        boolean bandsGiveRates = plan.tiers() != null && plan.tiers().bands() != null && !plan.tiers().bands().isEmpty()
                && plan.tiers().bands().stream().allMatch(band -> band != null && band.rate() != null);
        if (plan.baseRate() == null && plan.targetIncentive() == null && !bandsGiveRates
                && !has("baseRate") && !has("targetIncentive")) {
            validation.add("baseRate", "give baseRate or targetIncentive (or tiers whose bands all give a rate)");
        }
        each(plan.productRates(), "productRates", (rate, path) -> match(rate.match(), path));
        each(plan.multipliers(), "multipliers", (multiplier, path) -> match(multiplier.match(), path));
        if (plan.tiers() != null && plan.tiers().bands() != null) {
            bands(plan.tiers().bands(), "tiers.bands");
        }
        Set<String> spifIds = new HashSet<>();
        each(plan.spifs(), "spifs", (spif, path) -> {
            if (spif.id() != null && !spifIds.add(spif.id())) {
                validation.add(path + ".id", "duplicate SPIF id " + spif.id());
            }
            spif(spif, path);
            if (plan.effectiveFrom() != null && spif.to() != null && spif.to().isBefore(plan.effectiveFrom())) {
                validation.add(path + ".to", "the SPIF window ends (" + spif.to()
                        + ") before the plan takes effect (" + plan.effectiveFrom() + ")");
            }
        });
    }

    private void bands(List<PlanDocument.Band> bands, String path) {
        for (int i = 0; i < bands.size(); i++) {
            PlanDocument.Band band = bands.get(i);
            String bandPath = path + "[" + i + "]";
            if (band == null) {
                continue;
            }
            if (band.from() != null && band.to() != null && band.to().compareTo(band.from()) <= 0) {
                validation.add(bandPath + ".to", "to (" + band.to().toPlainString() + ") must be above from ("
                        + band.from().toPlainString() + ")");
            }
            if ((band.rate() == null) == (band.multiplier() == null) && !has(bandPath + ".rate")
                    && !has(bandPath + ".multiplier")) {
                validation.add(bandPath, "a band has either rate or multiplier");
            }
            if (band.from() == null) {
                continue;
            }
            if (i == 0 && band.from().signum() != 0) {
                validation.add(bandPath + ".from", "the first band must start at 0 so every credit has a band");
            }
            PlanDocument.Band previous = i == 0 ? null : bands.get(i - 1);
            if (previous == null) {
                continue;
            }
            if (previous.to() == null) {
                validation.add(path + "[" + (i - 1) + "].to",
                        "only the last band may be open-ended; bands[" + (i - 1) + "] has no 'to'");
            } else if (previous.from() == null) {
                continue; // the previous band's from is already reported
            } else if (band.from().compareTo(previous.from()) <= 0) {
                validation.add(bandPath + ".from", "bands must be in ascending order: from " + band.from().toPlainString()
                        + " is not above bands[" + (i - 1) + "].from " + previous.from().toPlainString());
            } else if (band.from().compareTo(previous.to()) < 0) {
                validation.add(bandPath + ".from", "band overlaps bands[" + (i - 1) + "], which runs to "
                        + previous.to().toPlainString());
            } else if (band.from().compareTo(previous.to()) > 0) {
                validation.add(bandPath + ".from", "gap between bands: bands[" + (i - 1) + "] ends at "
                        + previous.to().toPlainString());
            }
        }
    }

    private void spif(PlanDocument.Spif spif, String path) {
        if (spif.from() != null && spif.to() != null && spif.to().isBefore(spif.from())) {
            validation.add(path + ".to", "the SPIF ends (" + spif.to() + ") before it starts (" + spif.from() + ")");
        }
        match(spif.match(), path);
        PlanDocument.Threshold threshold = spif.threshold();
        if (threshold != null && (threshold.units() == null) == (threshold.amount() == null)
                && !has(path + ".threshold.units") && !has(path + ".threshold.amount")) {
            validation.add(path + ".threshold", "threshold has either units or amount");
        }
        PlanDocument.Award award = spif.award();
        if (award == null || award.type() == null) {
            return;
        }
        String awardPath = path + ".award";
        switch (award.type()) {
            case PER_UNIT, FLAT, THRESHOLD -> required(award.amount(), awardPath + ".amount", "amount");
            case PERCENT -> required(award.rate(), awardPath + ".rate", "rate");
            case NON_CASH -> {
                required(award.description(), awardPath + ".description", "description");
                required(award.value(), awardPath + ".value", "value");
            }
        }
        if (award.type() == AwardType.THRESHOLD && threshold == null && !has(path + ".threshold")) {
            validation.add(path + ".threshold", "a THRESHOLD award needs a threshold (units or amount)");
        }
        if (award.type() != AwardType.NON_CASH && award.value() != null) {
            validation.add(awardPath + ".value", "value is for NON_CASH awards; a cash award has amount or rate");
        }
    }

    private void match(Match match, String path) {
        if (match != null && match.sku() == null && match.family() == null && match.industry() == null
                && match.dealType() == null && !hasUnder(path + ".match.")) {
            validation.add(path + ".match", "match needs at least one of sku, family, industry, dealType");
        }
    }

    private void required(Object value, String path, String field) {
        if (value == null) {
            validation.add(path, field + " is required");
        }
    }

    private interface ItemCheck<T> {
        void check(T item, String path);
    }

    private static <T> void each(List<T> items, String field, ItemCheck<T> check) {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) != null) {
                check.check(items.get(i), field + "[" + i + "]");
            }
        }
    }

    /** Whether a problem is already reported at {@code path} (a value that did not bind is null now). */
    private boolean has(String path) {
        return validation.errors().stream().anyMatch(error -> error.path().equals(path));
    }

    private boolean hasUnder(String prefix) {
        return validation.errors().stream().anyMatch(error -> error.path().startsWith(prefix));
    }

    private void throwIfInvalid() {
        validation.throwIfInvalid(PlanDocument.class);
    }

    private static Plan toPlan(PlanDocument document) {
        List<Plan.ProductRate> productRates = map(document.productRates(),
                rate -> new Plan.ProductRate(rate.match(), rate.rate()));
        List<Plan.Multiplier> multipliers = map(document.multipliers(),
                multiplier -> new Plan.Multiplier(multiplier.match(), multiplier.factor()));
        List<TimingWindow> timing = map(document.timing(),
                window -> new TimingWindow(window.window(), window.days().intValueExact(), window.factor()));
        Tiers tiers = document.tiers() == null ? null : new Tiers(document.tiers().basis(), document.tiers().mode(),
                map(document.tiers().bands(), band -> new Band(band.from(), band.to(), band.rate(), band.multiplier())));
        List<Spif> spifs = map(document.spifs(), spif -> new Spif(spif.id(), spif.from(), spif.to(), spif.match(),
                spif.threshold() == null ? null : new Threshold(spif.threshold().units(), spif.threshold().amount()),
                award(spif.award())));
        Limits limits = new Limits(document.cap() == null ? null : document.cap().amount(),
                document.clawback() == null ? null : document.clawback().windowDays().intValueExact(),
                document.draw() == null ? null : document.draw().amount(),
                document.draw() != null && Boolean.TRUE.equals(document.draw().recoverable()));
        return new Plan(document.id(), 0, document.effectiveFrom(), document.period(),
                Currency.getInstance(document.currency()), document.creditBasis(),
                new Rates(document.baseRate(), document.targetIncentive(), productRates), multipliers, timing, tiers,
                spifs, limits);
    }

    /** The fields of the award's type only (a PER_UNIT award's stray rate is not carried). */
    private static Award award(PlanDocument.Award award) {
        return switch (award.type()) {
            case PER_UNIT, FLAT, THRESHOLD -> new Award(award.type(), award.amount(), null, null, null);
            case PERCENT -> new Award(award.type(), null, award.rate(), null, null);
            case NON_CASH -> new Award(award.type(), null, null, award.description(), award.value());
        };
    }

    private static <T, R> List<R> map(List<T> items, Function<T, R> mapper) {
        return items == null ? List.of() : items.stream().map(mapper).toList();
    }

    private static String abbreviate(String text) {
        String line = text == null ? "" : text.lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
