package dealdesk.auth;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.security.Principal;

/** A person who signs in; {@code manager} is the username of their manager, or null. */
public record User(long id, String username, String name, Role role, String manager) implements Principal {

    @Override
    @JsonIgnore
    public String getName() {
        return username;
    }

    public boolean is(Role other) {
        return role == other;
    }

    /** Finance and admins see everyone's money. */
    public boolean seesAllMoney() {
        return role == Role.FINANCE || role == Role.ADMIN;
    }
}
