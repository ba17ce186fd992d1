package dealdesk.deal;

import dealdesk.auth.User;
import dealdesk.auth.UserService;
import dealdesk.quote.QuoteDeals;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** Deals as quotes see them: read straight from the deal tables, with the deal's access rules. */
public final class DealsForQuotes implements QuoteDeals {
    private final Jdbi jdbi;
    private final UserService users;

    public DealsForQuotes(Jdbi jdbi, UserService users) {
        this.jdbi = jdbi;
        this.users = users;
    }

    @Override
    public Optional<QuotedDeal> find(long dealId) {
        return jdbi.withExtension(DealDao.class, dao -> dao.find(dealId).map(row -> new QuotedDeal(row.id(), row.owner(),
                dao.splits(dealId).stream().map(CreditSplit::username).toList(), row.stage().name(), row.stage().open(),
                row.expectedClose())));
    }

    @Override
    public boolean maySee(User viewer, QuotedDeal deal) {
        return mayChange(viewer, deal.owner()) || deal.creditedUsers().contains(viewer.username());
    }

    @Override
    public boolean mayChange(User viewer, String owner) {
        return DealAccess.canEdit(viewer, owner, users);
    }

    @Override
    public void quoteAdded(Handle handle, long dealId, long quoteId) {
        handle.attach(DealDao.class).setPrimaryQuoteIfNone(dealId, quoteId);
    }
}
