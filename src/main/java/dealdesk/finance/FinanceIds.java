package dealdesk.finance;

import dealdesk.common.ApiException;

/** Path ids: a dispute id that is not a number is a dispute that does not exist. */
final class FinanceIds {
    private FinanceIds() {
    }

    static long parse(String id) {
        try {
            return Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("dispute", id);
        }
    }
}
