package dealdesk.pricing;

import dealdesk.common.Money;
import dealdesk.common.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Checks a pricing data document field by field, naming each path, before it may replace the one in force. */
public final class PricingDataValidator {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");

    private PricingDataValidator() {
    }

    /** Throws a 422 listing every problem; {@code knownSku} tells which skus the catalog has. */
    public static void validate(PricingData data, Predicate<String> knownSku) {
        Validation v = new Validation();
        Set<String> names = new HashSet<>();
        list(v, data.volumeSchedules(), "volumeSchedules", (s, p) -> {
            v.require(text(s.name()), p + ".name", "a name is required");
            v.require(s.name() == null || names.add("volume:" + s.name() + ":" + s.currency()), p + ".name",
                    "duplicate name " + s.name());
            target(v, s.sku(), s.family(), p, knownSku);
            v.require(!s.pooled() || s.family() != null, p + ".pooled", "only a family schedule can pool quantity");
            v.require(s.mode() != null, p + ".mode", "mode is required: SLAB, RANGE or BLOCK");
            v.require(!s.tiers().isEmpty(), p + ".tiers", "at least one tier is required");
            tiers(v, s, p);
        });
        list(v, data.termDiscounts(), "termDiscounts", (t, p) -> {
            v.require(text(t.name()), p + ".name", "a name is required");
            v.require(t.minMonths() > 0 && t.minMonths() <= 120, p + ".minMonths", "must be 1 to 120 months");
            percent(v, t.percent(), p + ".percent");
        });
        list(v, data.segmentPrices(), "segmentPrices", (s, p) -> {
            v.require(s.segment() != null && s.segment().matches("[A-Z0-9_]{1,64}"), p + ".segment",
                    "a segment in capitals, like EDUCATION or PARTNER");
            sku(v, s.sku(), p + ".sku", knownSku);
            currency(v, s.currency(), p + ".currency");
            price(v, s.price(), p + ".price");
        });
        list(v, data.contractedPrices(), "contractedPrices", (c, p) -> {
            v.require(text(c.account()), p + ".account", "an account is required");
            sku(v, c.sku(), p + ".sku", knownSku);
            currency(v, c.currency(), p + ".currency");
            price(v, c.price(), p + ".price");
            dates(v, c.validFrom(), c.validTo(), false, p);
        });
        list(v, data.promotions(), "promotions", (promotion, p) -> {
            v.require(text(promotion.code()), p + ".code", "a code is required");
            v.require(promotion.code() == null || names.add("promotion:" + promotion.code()), p + ".code",
                    "duplicate code " + promotion.code());
            target(v, promotion.sku(), promotion.family(), p, knownSku);
            if (promotion.amount() == null) {
                percent(v, promotion.percent(), p + ".percent");
            } else if (promotion.percent() != null) {
                v.add(p + ".amount", "a promotion gives a percent or an amount off, not both");
            } else {
                price(v, promotion.amount(), p + ".amount");
                currency(v, promotion.currency(), p + ".currency");
            }
            dates(v, promotion.validFrom(), promotion.validTo(), true, p);
        });
        list(v, data.floors(), "floors", (f, p) -> {
            v.require(text(f.name()), p + ".name", "a name is required");
            target(v, f.sku(), f.family(), p, knownSku);
            percent(v, f.percentOfList(), p + ".percentOfList");
        });
        list(v, data.approvalThresholds(), "approvalThresholds", (t, p) -> {
            v.require(t.level() != null, p + ".level", "level is required: MANAGER, DEAL_DESK or FINANCE");
            v.require(t.metric() != null, p + ".metric",
                    "metric is required: LINE_DISCOUNT_PERCENT, TOTAL_DISCOUNT_PERCENT or TCV");
            v.require(t.above() != null && t.above().signum() >= 0, p + ".above", "a threshold of 0 or more is required");
        });
        v.throwIfInvalid();
    }

    /**
     * Tiers go up; one kind per schedule (percent, unit price with optional flat fee, or block price, the
     * last only in mode BLOCK); prices and fees not negative; a price table names its currency.
     */
    private static void tiers(Validation v, VolumeSchedule s, String p) {
        VolumeTier.Kind kind = null;
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 0; i < s.tiers().size(); i++) {
            VolumeTier tier = s.tiers().get(i);
            String tp = p + ".tiers[" + i + "]";
            if (tier == null) {
                v.add(tp, "a tier is required");
                continue;
            }
            VolumeTier.Kind tierKind = tier.kind();
            if (tierKind == VolumeTier.Kind.NONE) {
                v.add(tp, "a tier has one of percent, unitPrice (with an optional flatFee) or blockPrice");
            } else if (kind == null) {
                kind = tierKind;
            } else if (tierKind != kind) {
                v.add(tp, "one kind of tier per schedule: this is " + describe(tierKind) + ", the first is "
                        + describe(kind));
            }
            if (tier.percent() != null) {
                percent(v, tier.percent(), tp + ".percent");
            }
            amount(v, tier.unitPrice(), tp + ".unitPrice");
            amount(v, tier.flatFee(), tp + ".flatFee");
            amount(v, tier.blockPrice(), tp + ".blockPrice");
            boolean last = i == s.tiers().size() - 1;
            if (tier.upTo() == null) {
                v.require(last, tp + ".upTo", "only the last tier may be unbounded");
            } else {
                v.require(tier.upTo().compareTo(previous) > 0, tp + ".upTo", "tiers must go up: above " + previous);
                previous = tier.upTo().max(previous);
            }
        }
        if (s.mode() == VolumeMode.BLOCK && kind != null && kind != VolumeTier.Kind.BLOCK_PRICE) {
            v.add(p + ".mode", "mode BLOCK needs blockPrice tiers");
        } else if (s.mode() != null && s.mode() != VolumeMode.BLOCK && kind == VolumeTier.Kind.BLOCK_PRICE) {
            v.add(p + ".mode", "blockPrice tiers need mode BLOCK");
        }
        if (kind == VolumeTier.Kind.UNIT_PRICE || kind == VolumeTier.Kind.BLOCK_PRICE) {
            v.require(s.currency() != null, p + ".currency", "a schedule with prices needs a currency, like USD");
        }
        if (s.currency() != null) {
            currency(v, s.currency(), p + ".currency");
        }
    }

    private static String describe(VolumeTier.Kind kind) {
        return switch (kind) {
            case PERCENT -> "a percent tier";
            case UNIT_PRICE -> "a unit price tier";
            case BLOCK_PRICE -> "a block price tier";
            case NONE -> "no tier";
        };
    }

    /** An optional price or fee: when given, from 0 up, at most six decimals. */
    private static void amount(Validation v, BigDecimal amount, String path) {
        if (amount != null) {
            price(v, amount, path);
            v.require(amount.stripTrailingZeros().scale() <= 6, path, "at most 6 decimals");
        }
    }

    private interface Check<T> {
        void check(T item, String path);
    }

    private static <T> void list(Validation v, List<T> items, String name, Check<T> check) {
        if (items.size() > 100_000) {
            v.add(name, "at most 100000 entries");
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            String path = name + "[" + i + "]";
            if (items.get(i) == null) {
                v.add(path, "an entry is required, not null");
            } else {
                check.check(items.get(i), path);
            }
        }
    }

    private static boolean text(String value) {
        return value != null && !value.isBlank() && value.length() <= 200;
    }

    private static void target(Validation v, String sku, String family, String path, Predicate<String> knownSku) {
        if ((sku == null) == (family == null)) {
            v.add(path, "exactly one of sku and family is required");
        } else if (sku != null) {
            sku(v, sku, path + ".sku", knownSku);
        } else {
            v.require(text(family), path + ".family", "a family is required");
        }
    }

    private static void sku(Validation v, String sku, String path, Predicate<String> knownSku) {
        if (sku == null) {
            v.add(path, "a sku is required");
        } else if (!knownSku.test(sku)) {
            v.add(path, "unknown sku " + sku);
        }
    }

    private static void percent(Validation v, BigDecimal percent, String path) {
        v.require(percent != null && percent.signum() >= 0 && percent.compareTo(HUNDRED) <= 0, path,
                "a percent from 0 to 100 is required");
    }

    private static void price(Validation v, BigDecimal price, String path) {
        v.require(price != null && price.signum() >= 0 && price.compareTo(MAX_PRICE) < 0, path,
                "a price from 0 to 1,000,000,000 is required");
    }

    private static void currency(Validation v, String currency, String path) {
        v.require(Money.isKnownCurrency(currency), path, "unknown currency " + currency);
    }

    private static void dates(Validation v, LocalDate from, LocalDate to, boolean toRequired, String path) {
        v.require(from != null, path + ".validFrom", "a date like 2026-10-01 is required");
        v.require(!toRequired || to != null, path + ".validTo", "a date like 2026-12-31 is required");
        v.require(from == null || to == null || !to.isBefore(from), path + ".validTo", "must not be before validFrom");
    }
}
