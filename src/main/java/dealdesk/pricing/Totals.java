package dealdesk.pricing;

import dealdesk.common.Money;

/**
 * A quote's totals in its currency, each a sum of rounded line amounts.
 * ARR = MRR x 12; TCV = one-time + MRR x term; ACV spreads TCV over the term
 * in years (at least one), one-time fees counted in year one; discount =
 * list total - net total over the term.
 */
public record Totals(Money oneTime, Money mrr, Money arr, Money tcv, Money acv, Money discount) {
}
