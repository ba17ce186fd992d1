package dealdesk.common;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/** The one place a domain failure becomes an HTTP status and the JSON error body. */
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException exception) {
        Response.ResponseBuilder response = Response.status(exception.code().status())
                .type(MediaType.APPLICATION_JSON_TYPE).entity(exception.toResponse());
        exception.headers().forEach(response::header);
        return response.build();
    }

    static Response respond(int status, ErrorResponse body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
