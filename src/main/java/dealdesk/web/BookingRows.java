package dealdesk.web;

import dealdesk.commission.PendingBookings;

/** A booking waiting for confirmation as a page shows it: words and formatted amounts. */
public record BookingRows(String dealId, String account, String owner, String closedOn, String amount,
                          String commission) {

    static BookingRows of(PendingBookings.Item item) {
        return new BookingRows(Long.toString(item.dealId()), item.account(), item.ownerName(), item.closedOn().toString(),
                Format.money(item.amount(), item.currency()),
                item.pendingCommission() == null ? "not estimated"
                        : Format.money(item.pendingCommission(), item.commissionCurrency()));
    }
}
