package dealdesk.commission.plan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dealdesk.commission.plan.Plan.Award;
import dealdesk.commission.plan.Plan.AwardType;
import dealdesk.commission.plan.Plan.Band;
import dealdesk.commission.plan.Plan.CreditBasis;
import dealdesk.commission.plan.Plan.Limits;
import dealdesk.commission.plan.Plan.Multiplier;
import dealdesk.commission.plan.Plan.ProductRate;
import dealdesk.commission.plan.Plan.Rates;
import dealdesk.commission.plan.Plan.Spif;
import dealdesk.commission.plan.Plan.Threshold;
import dealdesk.commission.plan.Plan.TierBasis;
import dealdesk.commission.plan.Plan.TierMode;
import dealdesk.commission.plan.Plan.Tiers;
import dealdesk.commission.plan.Plan.TimingWindow;
import dealdesk.commission.plan.Plan.Window;
import dealdesk.common.ApiException;
import dealdesk.common.Money;
import dealdesk.common.Period;
import dealdesk.common.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a plan document (YAML or JSON: JSON is YAML) into a {@link Plan}, and
 * rejects anything not fully valid with every problem at its path
 * ({@code tiers.bands[1].from}), so nothing half-valid is ever stored.
 */
public final class PlanParser {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true));
    private static final BigDecimal ONE = BigDecimal.ONE;
    private static final BigDecimal MAX_NUMBER = new BigDecimal("1000000000000");
    private static final int MAX_SCALE = 6;

    private final Validation validation = new Validation();

    private PlanParser() {
    }

    /** Parses and validates; a 422 with every problem at its path otherwise. */
    public static Plan parse(String document) {
        JsonNode root;
        try {
            root = YAML.readTree(document == null ? "" : document);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr();
            throw ApiException.invalid("plan", "the plan is not valid YAML or JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            throw ApiException.invalid("plan", "the plan must be a YAML or JSON object");
        }
        PlanParser parser = new PlanParser();
        Plan plan = parser.plan(root);
        parser.validation.throwIfInvalid();
        return plan;
    }

    private Plan plan(JsonNode node) {
        allowOnly(node, "", "id", "effectiveFrom", "period", "currency", "creditBasis", "baseRate", "targetIncentive",
                "productRates", "multipliers", "timing", "tiers", "spifs", "cap", "clawback", "draw", "description", "name");
        String id = text(node, "", "id", true);
        if (id != null && !id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            validation.add("id", "id must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        LocalDate effectiveFrom = date(node, "", "effectiveFrom", false);
        Period.Type period = enumeration(node, "", "period", Period.Type.class, true);
        Currency currency = null;
        String currencyCode = text(node, "", "currency", true);
        if (currencyCode != null) {
            if (Money.isKnownCurrency(currencyCode)) {
                currency = Currency.getInstance(currencyCode);
            } else {
                validation.add("currency", "unknown currency " + currencyCode);
            }
        }
        CreditBasis creditBasis = enumeration(node, "", "creditBasis", CreditBasis.class, true);
        BigDecimal baseRate = rate(node, "", "baseRate", false);
        BigDecimal targetIncentive = decimal(node, "", "targetIncentive", false);
        if (targetIncentive != null && targetIncentive.signum() < 0) {
            validation.add("targetIncentive", "targetIncentive must not be negative");
        }
        if (node.hasNonNull("baseRate") && node.hasNonNull("targetIncentive")) {
            validation.add("targetIncentive", "give baseRate or targetIncentive, not both");
        }
        List<ProductRate> productRates = list(node, "", "productRates", (path, item) -> {
            allowOnly(item, path, "match", "rate");
            return new ProductRate(match(item, path), rate(item, path, "rate", true));
        });
        List<Multiplier> multipliers = list(node, "", "multipliers", (path, item) -> {
            allowOnly(item, path, "match", "factor");
            return new Multiplier(match(item, path), factor(item, path, "factor"));
        });
        List<TimingWindow> timing = list(node, "", "timing", (path, item) -> {
            allowOnly(item, path, "window", "days", "factor");
            Window window = enumeration(item, path, "window", Window.class, true);
            BigDecimal days = decimal(item, path, "days", true);
            int dayCount = 0;
            if (days != null) {
                if (days.stripTrailingZeros().scale() > 0 || days.compareTo(ONE) < 0 || days.compareTo(BigDecimal.valueOf(366)) > 0) {
                    validation.add(join(path, "days"), "days must be a whole number from 1 to 366");
                } else {
                    dayCount = days.intValue();
                }
            }
            return new TimingWindow(window, dayCount, factor(item, path, "factor"));
        });
        Tiers tiers = node.hasNonNull("tiers") ? tiers(node.get("tiers"), "tiers") : null;
        boolean bandsGiveRates = tiers != null && !tiers.bands().isEmpty()
                && tiers.bands().stream().allMatch(band -> band != null && band.rate() != null);
        if (baseRate == null && targetIncentive == null && !node.has("baseRate") && !node.has("targetIncentive")
                && !bandsGiveRates) {
            validation.add("baseRate", "give baseRate or targetIncentive (or tiers whose bands all give a rate)");
        }
        List<Spif> spifs = list(node, "", "spifs", this::spif);
        Set<String> spifIds = new HashSet<>();
        for (int i = 0; i < spifs.size(); i++) {
            if (spifs.get(i).id() != null && !spifIds.add(spifs.get(i).id())) {
                validation.add("spifs[" + i + "].id", "duplicate SPIF id " + spifs.get(i).id());
            }
        }
        for (int i = 0; i < spifs.size(); i++) {
            Spif spif = spifs.get(i);
            if (effectiveFrom != null && spif.to() != null && spif.to().isBefore(effectiveFrom)) {
                validation.add("spifs[" + i + "].to", "the SPIF window ends (" + spif.to()
                        + ") before the plan takes effect (" + effectiveFrom + ")");
            }
        }
        Limits limits = limits(node);
        return new Plan(id, 0, effectiveFrom, period, currency, creditBasis,
                new Rates(baseRate, targetIncentive, productRates), multipliers, timing, tiers, spifs, limits);
    }

    private Tiers tiers(JsonNode node, String path) {
        if (!node.isObject()) {
            validation.add(path, "tiers must be an object with basis, mode and bands");
            return null;
        }
        allowOnly(node, path, "basis", "mode", "bands");
        TierBasis basis = enumeration(node, path, "basis", TierBasis.class, true);
        TierMode mode = enumeration(node, path, "mode", TierMode.class, true);
        List<Band> bands = list(node, path, "bands", (itemPath, item) -> {
            allowOnly(item, itemPath, "from", "to", "rate", "multiplier");
            BigDecimal from = decimal(item, itemPath, "from", true);
            BigDecimal to = decimal(item, itemPath, "to", false);
            if (from != null && from.signum() < 0) {
                validation.add(join(itemPath, "from"), "from must not be negative");
            }
            if (from != null && to != null && to.compareTo(from) <= 0) {
                validation.add(join(itemPath, "to"), "to (" + to.toPlainString() + ") must be above from (" + from.toPlainString() + ")");
            }
            boolean hasRate = item.hasNonNull("rate");
            boolean hasMultiplier = item.hasNonNull("multiplier");
            if (hasRate == hasMultiplier) {
                validation.add(itemPath, "a band has either rate or multiplier");
            }
            BigDecimal rate = hasRate ? rate(item, itemPath, "rate", true) : null;
            BigDecimal multiplier = hasMultiplier ? factor(item, itemPath, "multiplier") : null;
            return new Band(from, to, rate, multiplier);
        });
        if (node.has("bands") && bands.isEmpty() && !validation.hasErrors()) {
            validation.add(join(path, "bands"), "tiers need at least one band");
        }
        if (!node.has("bands")) {
            return new Tiers(basis, mode, bands);
        }
        for (int i = 0; i < bands.size(); i++) {
            Band band = bands.get(i);
            String bandPath = path + ".bands[" + i + "]";
            if (band.from() == null) {
                continue;
            }
            if (i == 0 && band.from().signum() != 0) {
                validation.add(bandPath + ".from", "the first band must start at 0 so every credit has a band");
            }
            if (i > 0) {
                Band previous = bands.get(i - 1);
                if (previous.to() == null) {
                    validation.add(path + ".bands[" + (i - 1) + "].to",
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
        return new Tiers(basis, mode, bands);
    }

    private Spif spif(String path, JsonNode node) {
        allowOnly(node, path, "id", "from", "to", "match", "threshold", "award", "description");
        String id = text(node, path, "id", true);
        LocalDate from = date(node, path, "from", true);
        LocalDate to = date(node, path, "to", true);
        if (from != null && to != null && to.isBefore(from)) {
            validation.add(join(path, "to"), "the SPIF ends (" + to + ") before it starts (" + from + ")");
        }
        Match match = match(node, path);
        Threshold threshold = null;
        if (node.hasNonNull("threshold")) {
            JsonNode thresholdNode = node.get("threshold");
            String thresholdPath = join(path, "threshold");
            if (!thresholdNode.isObject()) {
                validation.add(thresholdPath, "threshold must be an object with units or amount");
            } else {
                allowOnly(thresholdNode, thresholdPath, "units", "amount");
                BigDecimal units = decimal(thresholdNode, thresholdPath, "units", false);
                BigDecimal amount = decimal(thresholdNode, thresholdPath, "amount", false);
                if ((units == null) == (amount == null)) {
                    validation.add(thresholdPath, "threshold has either units or amount");
                } else if ((units != null ? units : amount).signum() <= 0) {
                    validation.add(join(thresholdPath, units != null ? "units" : "amount"), "threshold must be above 0");
                }
                threshold = new Threshold(units, amount);
            }
        }
        Award award = null;
        String awardPath = join(path, "award");
        JsonNode awardNode = node.get("award");
        if (awardNode == null || awardNode.isNull()) {
            validation.add(awardPath, "award is required");
        } else if (!awardNode.isObject()) {
            validation.add(awardPath, "award must be an object with a type");
        } else {
            allowOnly(awardNode, awardPath, "type", "amount", "rate", "description", "value");
            AwardType type = enumeration(awardNode, awardPath, "type", AwardType.class, true);
            BigDecimal amount = null;
            BigDecimal rate = null;
            String description = null;
            BigDecimal value = null;
            if (type != null) {
                switch (type) {
                    case PER_UNIT, FLAT, THRESHOLD -> amount = nonNegative(awardNode, awardPath, "amount");
                    case PERCENT -> rate = rate(awardNode, awardPath, "rate", true);
                    case NON_CASH -> {
                        description = text(awardNode, awardPath, "description", true);
                        value = nonNegative(awardNode, awardPath, "value");
                    }
                }
                if (type == AwardType.THRESHOLD && threshold == null && node.has("award")) {
                    validation.add(join(path, "threshold"), "a THRESHOLD award needs a threshold (units or amount)");
                }
                if (type != AwardType.NON_CASH && awardNode.has("value")) {
                    validation.add(join(awardPath, "value"), "value is for NON_CASH awards; a cash award has amount or rate");
                }
            }
            award = new Award(type, amount, rate, description, value);
        }
        return new Spif(id, from, to, match, threshold, award);
    }

    private Limits limits(JsonNode node) {
        BigDecimal cap = null;
        Integer clawbackDays = null;
        BigDecimal draw = null;
        boolean recoverable = false;
        if (node.hasNonNull("cap")) {
            JsonNode capNode = node.get("cap");
            if (capNode.isObject()) {
                allowOnly(capNode, "cap", "amount");
                cap = nonNegative(capNode, "cap", "amount");
            } else {
                validation.add("cap", "cap must be an object like {amount: 150000}");
            }
        }
        if (node.hasNonNull("clawback")) {
            JsonNode clawbackNode = node.get("clawback");
            if (clawbackNode.isObject()) {
                allowOnly(clawbackNode, "clawback", "windowDays");
                BigDecimal days = decimal(clawbackNode, "clawback", "windowDays", true);
                if (days != null) {
                    if (days.stripTrailingZeros().scale() > 0 || days.signum() < 0 || days.compareTo(BigDecimal.valueOf(3660)) > 0) {
                        validation.add("clawback.windowDays", "windowDays must be a whole number from 0 to 3660");
                    } else {
                        clawbackDays = days.intValue();
                    }
                }
            } else {
                validation.add("clawback", "clawback must be an object like {windowDays: 90}");
            }
        }
        if (node.hasNonNull("draw")) {
            JsonNode drawNode = node.get("draw");
            if (drawNode.isObject()) {
                allowOnly(drawNode, "draw", "amount", "recoverable");
                draw = nonNegative(drawNode, "draw", "amount");
                JsonNode recoverableNode = drawNode.get("recoverable");
                if (recoverableNode != null && !recoverableNode.isNull()) {
                    if (recoverableNode.isBoolean()) {
                        recoverable = recoverableNode.booleanValue();
                    } else {
                        validation.add("draw.recoverable", "recoverable must be true or false");
                    }
                }
            } else {
                validation.add("draw", "draw must be an object like {amount: 1500, recoverable: true}");
            }
        }
        return new Limits(cap, clawbackDays, draw, recoverable);
    }

    private Match match(JsonNode node, String path) {
        String matchPath = join(path, "match");
        JsonNode matchNode = node.get("match");
        if (matchNode == null || matchNode.isNull()) {
            validation.add(matchPath, "match is required, with one or more of sku, family, industry, dealType");
            return null;
        }
        if (!matchNode.isObject()) {
            validation.add(matchPath, "match must be an object with sku, family, industry or dealType");
            return null;
        }
        allowOnly(matchNode, matchPath, "sku", "family", "industry", "dealType");
        if (matchNode.size() == 0) {
            validation.add(matchPath, "match needs at least one of sku, family, industry, dealType");
        }
        return new Match(text(matchNode, matchPath, "sku", false), text(matchNode, matchPath, "family", false),
                text(matchNode, matchPath, "industry", false), text(matchNode, matchPath, "dealType", false));
    }

    private interface ItemReader<T> {
        T read(String path, JsonNode item);
    }

    private <T> List<T> list(JsonNode node, String path, String field, ItemReader<T> reader) {
        JsonNode listNode = node.get(field);
        String listPath = join(path, field);
        List<T> items = new ArrayList<>();
        if (listNode == null || listNode.isNull()) {
            return items;
        }
        if (!listNode.isArray()) {
            validation.add(listPath, field + " must be a list");
            return items;
        }
        for (int i = 0; i < listNode.size(); i++) {
            JsonNode item = listNode.get(i);
            String itemPath = listPath + "[" + i + "]";
            if (!item.isObject()) {
                validation.add(itemPath, "each item of " + field + " must be an object");
                continue;
            }
            items.add(reader.read(itemPath, item));
        }
        return items;
    }

    private void allowOnly(JsonNode node, String path, String... fields) {
        Set<String> allowed = new HashSet<>(Arrays.asList(fields));
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                validation.add(join(path, name), "unknown field " + name + "; expected one of " + String.join(", ", fields));
            }
        }
    }

    private String text(JsonNode node, String path, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                validation.add(join(path, field), field + " is required");
            }
            return null;
        }
        if (!value.isValueNode() || value.asText().isBlank()) {
            validation.add(join(path, field), field + " must be a non-empty text");
            return null;
        }
        return value.asText();
    }

    private BigDecimal decimal(JsonNode node, String path, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                validation.add(join(path, field), field + " is required");
            }
            return null;
        }
        BigDecimal number = null;
        if (value.isNumber()) {
            number = value.decimalValue();
        } else if (value.isTextual()) {
            try {
                number = new BigDecimal(value.asText().trim());
            } catch (NumberFormatException e) {
                // falls through to the message below
            }
        }
        if (number == null) {
            validation.add(join(path, field), field + " must be a number, not " + value);
            return null;
        }
        // every number of a plan is a rate, factor, day count or amount: far below a trillion, six decimals at most
        if (number.abs().compareTo(MAX_NUMBER) >= 0 || number.stripTrailingZeros().scale() > MAX_SCALE) {
            validation.add(join(path, field), field + " must be below 1,000,000,000,000 with at most " + MAX_SCALE
                    + " decimals, not " + value);
            return null;
        }
        return number;
    }

    private BigDecimal rate(JsonNode node, String path, String field, boolean required) {
        BigDecimal rate = decimal(node, path, field, required);
        if (rate != null && (rate.signum() < 0 || rate.compareTo(ONE) > 0)) {
            validation.add(join(path, field), field + " is a fraction from 0 to 1 (0.15 is 15%), not " + rate.toPlainString());
        }
        return rate;
    }

    private BigDecimal factor(JsonNode node, String path, String field) {
        BigDecimal factor = decimal(node, path, field, true);
        if (factor != null && (factor.signum() < 0 || factor.compareTo(BigDecimal.TEN) > 0)) {
            validation.add(join(path, field), field + " must be from 0 to 10, not " + factor.toPlainString());
        }
        return factor;
    }

    private BigDecimal nonNegative(JsonNode node, String path, String field) {
        BigDecimal amount = decimal(node, path, field, true);
        if (amount != null && amount.signum() < 0) {
            validation.add(join(path, field), field + " must not be negative");
        }
        return amount;
    }

    private LocalDate date(JsonNode node, String path, String field, boolean required) {
        String text = text(node, path, field, required);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            validation.add(join(path, field), field + " must be a date like 2026-10-01, not " + text);
            return null;
        }
    }

    private <E extends Enum<E>> E enumeration(JsonNode node, String path, String field, Class<E> type, boolean required) {
        String text = text(node, path, field, required);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
            validation.add(join(path, field), "unknown " + field + " " + text + "; expected one of " + String.join(", ", names));
            return null;
        }
    }

    private static String join(String path, String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

}
