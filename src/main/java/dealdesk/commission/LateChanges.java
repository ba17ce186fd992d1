package dealdesk.commission;

import java.time.LocalDate;
import org.jdbi.v3.core.Handle;

/**
 * Told, in the writer's transaction and under the user's lock, that a user's commission
 * inputs changed from a date on. Closed statements from that date on never change; finance
 * recomputes them and posts the difference in an open period.
 */
public interface LateChanges {
    LateChanges NONE = (handle, username, from) -> { };

    void changed(Handle handle, String username, LocalDate from);
}
