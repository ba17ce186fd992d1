package dealdesk.commission;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Where the dashboard finds open deals (the deals feature provides it): each
 * with its stage probability and, as transactions, what it would book if it
 * closed on its expected date.
 */
public interface OpenPipeline {

    /** An open deal; {@code transactions} carry the deal's splits. */
    record OpenDeal(String dealId, String name, String stage, BigDecimal probability, LocalDate expectedClose,
                    List<Transaction> transactions) {
    }

    /** Open deals the user has a split of, expected to close within [from, to]. */
    List<OpenDeal> openDeals(String username, LocalDate from, LocalDate to);

    /** One open deal of the user's, with its transactions dated {@code closeDate} (null: its expected close). */
    default OpenDeal openDeal(String username, String dealId, LocalDate closeDate) {
        throw dealdesk.common.ApiException.invalid("dealId", "deals are not available");
    }

    OpenPipeline NONE = (username, from, to) -> List.of();
}
