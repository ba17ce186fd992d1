package dealdesk.web;

import dealdesk.auth.User;

/** The finance console shell: finance.js fills in disputes, periods, adjustments and users from the API. */
public class FinanceConsoleView extends Page {
    FinanceConsoleView(User viewer, String token) {
        super("finance.ftlh", "Finance", "finance", viewer, token);
    }
}
