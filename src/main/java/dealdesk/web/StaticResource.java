package dealdesk.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The pages' own CSS and scripts, from the classpath under web/static (no CDN, no build step). */
@Path("/static")
public class StaticResource {

    @GET
    @Path("{name: [a-z][a-z0-9-]{0,40}\\.(css|js)}")
    public Response file(@PathParam("name") String name) {
        byte[] body;
        try (InputStream in = StaticResource.class.getResourceAsStream("/web/static/" + name)) {
            if (in == null) {
                throw new NotFoundException();
            }
            body = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
        return Response.ok(body, type)
                .header("Cache-Control", "public, max-age=300")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
