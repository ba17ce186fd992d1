package dealdesk.quote;

import java.time.LocalDate;

/**
 * What a quote would pay its owner, shown with every preview and quote. The
 * commission feature implements it; without one, {@code estimate} is null.
 * Called on the preview hot path: it must be read-only and quick.
 */
public interface QuoteEstimator {

    /** No estimate for anyone: the quote prices without one. */
    QuoteEstimator NONE = (owner, closeDate, request, quote) -> null;

    /**
     * @param owner     the user who would be paid: the deal's owner, or the caller of a preview without a deal
     * @param closeDate when the deal is expected to close (the deal's expected close, else the quote's start date)
     * @param request   the quote as asked
     * @param quote     the priced quote (lines with net totals, totals with ACV/TCV), estimate still null
     * @return the estimate, or null when there is nothing honest to show (no plan, no quota, another currency)
     */
    QuoteEstimate estimate(String owner, LocalDate closeDate, QuoteRequest request, PricedQuote quote);
}
