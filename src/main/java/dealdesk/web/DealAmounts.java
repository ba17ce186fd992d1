package dealdesk.web;

import dealdesk.deal.Deal;

/** A deal's amounts as the deal pages show them. */
final class DealAmounts {
    private DealAmounts() {
    }

    /** The deal's expected amount (the pipeline's estimate of what it books); blank when the deal has none. */
    static String expected(Deal deal) {
        if (deal.expectedAmount() == null || deal.expectedAmount().amount() == null) {
            return "";
        }
        return Format.money(deal.expectedAmount().amount(), deal.expectedAmount().currency().getCurrencyCode());
    }
}
