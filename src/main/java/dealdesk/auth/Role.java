package dealdesk.auth;

/** What a user may do: a REP their own, a MANAGER their team's, FINANCE all money, ADMIN the setup. */
public enum Role {
    REP, MANAGER, FINANCE, ADMIN
}
