package dealdesk.web;

import dealdesk.commission.CommissionServices;
import dealdesk.commission.DealBookings;
import dealdesk.commission.engine.Statement;
import dealdesk.common.ApiException;
import dealdesk.common.Period;
import dealdesk.deal.Deal;

import dealdesk.common.Money;
import java.math.BigDecimal;
import java.util.Optional;

/** What a won deal paid its owner: the owner's statement lines of the deal, in the period it closed in. */
final class DealPaid {
    record Paid(String amount, String detail) {
    }

    private DealPaid() {
    }

    static Optional<Paid> of(CommissionServices commission, Deal deal) {
        if (deal.closedOn() == null) {
            return Optional.empty();
        }
        try {
            return commission.planLookup().on(deal.owner(), deal.closedOn()).map(plan -> {
                Period period = Period.containing(plan.period(), deal.closedOn());
                Statement statement = commission.statements().statement(deal.owner(), period);
                String dealId = DealBookings.dealId(deal.id());
                Money paid = statement.lines().stream()
                        .filter(line -> line.trace() != null && line.trace().source() != null
                                && dealId.equals(line.trace().source().dealId()))
                        .map(Statement.Line::amount).reduce(Money.of(BigDecimal.ZERO, statement.currencyUnit()), Money::plus);
                return new Paid(Format.money(paid, statement.currency()), "on the " + period + " statement, closed "
                        + deal.closedOn() + " (" + Format.words(statement.status()).toLowerCase(java.util.Locale.ROOT)
                        + ")");
            });
        } catch (ApiException e) {
            return Optional.empty();
        }
    }
}
