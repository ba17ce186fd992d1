package dealdesk.finance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dealdesk.auth.User;
import dealdesk.common.ApiException;
import dealdesk.common.AuditDao;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.List;

/** The append-only audit log for finance and admins: newest first, filtered by entity, id or actor. */
@Path("/api/v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
    private final Jdbi jdbi;
    private final ObjectMapper mapper;

    public AuditResource(Jdbi jdbi, ObjectMapper mapper) {
        this.jdbi = jdbi;
        this.mapper = mapper;
    }

    public record Entry(long id, Instant at, String actor, String action, String entity, String entityId,
                        JsonNode before, JsonNode after) {
    }

    @GET
    @RolesAllowed({"FINANCE", "ADMIN"})
    public List<Entry> list(@Auth User user, @QueryParam("entity") String entity,
                            @QueryParam("entityId") String entityId, @QueryParam("actor") String actor,
                            @QueryParam("limit") String limit) {
        int rows = parseLimit(limit);
        if (rows < 1 || rows > 1000) {
            throw ApiException.invalid("limit", "limit is a whole number from 1 to 1000");
        }
        return jdbi.withExtension(AuditDao.class, dao -> dao.find(entity, entityId, actor, rows)).stream()
                .map(entry -> new Entry(entry.id(), entry.at(), entry.actor(), entry.action(), entry.entity(),
                        entry.entityId(), tree(entry.before()), tree(entry.after())))
                .toList();
    }

    private static int parseLimit(String limit) {
        try {
            return limit == null ? 100 : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private JsonNode tree(String json) {
        try {
            return json == null ? null : mapper.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
