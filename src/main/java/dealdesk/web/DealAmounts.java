package dealdesk.web;

import dealdesk.deal.Deal;

/** A deal's amounts as the deal pages show them. */
final class DealAmounts {
    private DealAmounts() {
    }

    /** The deal's expected amount, once deals carry one (the pipeline feature adds it); blank until then. */
    static String expected(Deal deal) {
        return "";
    }
}
