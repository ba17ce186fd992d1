package dealdesk.finance;

import dealdesk.auth.User;
import dealdesk.auth.UserService;
import io.dropwizard.auth.Auth;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

/** GET /api/v1/statements/{username}/{period}.pdf and .csv, with the same access as the JSON statement. */
@Path("/api/v1")
@PermitAll
public class StatementDocumentResource {
    private final StatementDocuments documents;
    private final UserService users;

    public StatementDocumentResource(StatementDocuments documents, UserService users) {
        this.documents = documents;
        this.users = users;
    }

    @GET
    @Path("/statements/{username}/{period}.pdf")
    public Response pdf(@Auth User user, @PathParam("username") String username, @PathParam("period") String period) {
        users.requireCanSeeMoneyOf(user, username);
        return Response.ok(documents.pdf(username, period), "application/pdf")
                .header("Content-Disposition", "inline; filename=\"statement-" + username + "-" + period + ".pdf\"")
                .build();
    }

    @GET
    @Path("/statements/{username}/{period}.csv")
    public Response csv(@Auth User user, @PathParam("username") String username, @PathParam("period") String period) {
        users.requireCanSeeMoneyOf(user, username);
        return Response.ok(documents.csv(username, period), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"statement-" + username + "-" + period + ".csv\"")
                .build();
    }
}
