package dealdesk.web;

import dealdesk.auth.User;

import java.util.List;

/** {@code /deals}: the deals the viewer may see, open ones first, soonest close first. */
public class DealListView extends Page {
    public record Row(String id, String account, String industry, String owner, String stage, String stageLabel,
                      boolean open, String expectedClose, String expectedAmount, String primaryQuoteId) {
    }

    private final List<Row> rows;

    DealListView(User user, List<Row> rows) {
        super("deals.ftlh", "Deals", "deals", user, null);
        this.rows = rows;
    }

    public List<Row> getRows() {
        return rows;
    }
}
