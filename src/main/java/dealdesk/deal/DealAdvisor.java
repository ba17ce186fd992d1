package dealdesk.deal;

import java.util.Currency;
import java.util.List;

/**
 * What the pipeline feature adds to deals: the currency a new deal of an
 * owner's is in when none is given (their plan's, else the configured
 * default), and the flags a deal raises. Implemented in {@code dealdesk.pipeline}.
 */
public interface DealAdvisor {

    Currency defaultCurrency(String owner);

    /** The flags of a deal as read now; {@code deal.flags()} is empty when this is called. */
    List<DealFlag> flags(Deal deal);

    DealAdvisor NONE = new DealAdvisor() {
        @Override
        public Currency defaultCurrency(String owner) {
            return Currency.getInstance("USD");
        }

        @Override
        public List<DealFlag> flags(Deal deal) {
            return List.of();
        }
    };
}
