package dealdesk.commission;

import dealdesk.commission.engine.Statement;
import org.jdbi.v3.core.Handle;

/** What another feature lays over a statement as it is read (finance: its adjustments), in the reader's transaction. */
public interface StatementOverlay {
    StatementOverlay NONE = (handle, statement) -> statement;

    Statement apply(Handle handle, Statement statement);
}
