package dealdesk.common;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.jaxrs2.Reader;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import org.glassfish.jersey.server.ResourceConfig;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The API described as OpenAPI 3, generated from the registered resources and
 * their request and response records at the first request: every operation
 * carries the error contract ({@code {code, message, details:[{path,
 * message}]}}) for its failures and the roles that may call it.
 */
@Path("/api/v1/openapi.json")
public class OpenApiResource {
    private static final String ERROR = "ErrorResponse";
    private final ResourceConfig jersey;
    private volatile String description;

    public OpenApiResource(ResourceConfig jersey) {
        this.jersey = jersey;
    }

    @GET
    @Produces("application/json")
    public String describe() {
        String built = description;
        if (built == null) {
            synchronized (this) {
                if (description == null) {
                    description = Json.pretty(build(resourceClasses(jersey)));
                }
                built = description;
            }
        }
        return built;
    }

    static Set<Class<?>> resourceClasses(ResourceConfig jersey) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        Stream.concat(jersey.getClasses().stream(), jersey.getInstances().stream().map(Object::getClass))
                .filter(type -> type.isAnnotationPresent(Path.class))
                .filter(type -> type.getAnnotation(Path.class).value().startsWith("/api/v1"))
                .forEach(classes::add);
        return classes;
    }

    static OpenAPI build(Set<Class<?>> resources) {
        OpenAPI api = new OpenAPI()
                .info(new Info().title("dealdesk").version("v1")
                        .description("Configure-price-quote and sales commission. Sign in with POST /api/v1/auth/token"
                                + " and send Authorization: Bearer <token>. Every failure is JSON: "
                                + "{code, message, details:[{path, message}]}."))
                .components(new Components()
                        .addSecuritySchemes("bearer", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer"))
                        .addSchemas(ERROR, errorSchema()));
        OpenAPI read = new Reader(api).read(resources);
        for (Class<?> resource : resources) {
            describeRoles(read, resource);
        }
        read.getPaths().values().forEach(item -> item.readOperations().forEach(OpenApiResource::addErrors));
        return read;
    }

    private static Schema<?> errorSchema() {
        ObjectSchema detail = new ObjectSchema();
        detail.addProperty("path", new StringSchema().description("the field at fault, e.g. lines[3].quantity"));
        detail.addProperty("message", new StringSchema());
        ObjectSchema error = new ObjectSchema();
        error.addProperty("code", new StringSchema().description("e.g. VALIDATION_FAILED, NOT_FOUND, CONFLICT"));
        error.addProperty("message", new StringSchema());
        error.addProperty("details", new ArraySchema().items(detail));
        error.setRequired(List.of("code", "message", "details"));
        return error;
    }

    private static void addErrors(Operation operation) {
        Content content = new Content().addMediaType("application/json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + ERROR)));
        operation.getResponses().addApiResponse("4XX", new ApiResponse()
                .description("refused: 400 malformed, 401 not signed in, 403 role, 404, 409 conflict, 413, 415,"
                        + " 422 invalid field(s), 429 too many attempts").content(content));
        operation.getResponses().addApiResponse("5XX", new ApiResponse()
                .description("unexpected failure, logged with the id in the message").content(content));
    }

    /** Adds {@code x-roles} and a sentence naming the roles to each operation of {@code resource}. */
    private static void describeRoles(OpenAPI api, Class<?> resource) {
        String base = resource.getAnnotation(Path.class).value();
        for (Method method : resource.getMethods()) {
            String verb = httpMethod(method);
            if (verb == null) {
                continue;
            }
            Path sub = method.getAnnotation(Path.class);
            String path = normalize(base + (sub == null ? "" : "/" + sub.value()));
            PathItem item = api.getPaths() == null ? null : api.getPaths().get(path);
            Operation operation = item == null ? null : item.readOperationsMap().get(PathItem.HttpMethod.valueOf(verb));
            if (operation == null) {
                continue;
            }
            List<String> roles = roles(method, resource);
            operation.addExtension("x-roles", roles);
            String who = roles.isEmpty() ? "Anyone (no sign-in)." : roles.equals(List.of("SIGNED_IN"))
                    ? "Any signed-in user." : "Roles: " + String.join(", ", roles) + ".";
            operation.setDescription(operation.getDescription() == null ? who : operation.getDescription() + " " + who);
            if (!roles.isEmpty()) {
                operation.addSecurityItem(new SecurityRequirement().addList("bearer"));
            }
        }
    }

    private static List<String> roles(Method method, Class<?> resource) {
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class) != null ? method.getAnnotation(RolesAllowed.class)
                : resource.getAnnotation(RolesAllowed.class);
        if (allowed != null) {
            return Arrays.asList(allowed.value());
        }
        boolean signedIn = method.isAnnotationPresent(PermitAll.class) || resource.isAnnotationPresent(PermitAll.class)
                || Arrays.stream(method.getParameterAnnotations()).flatMap(Arrays::stream)
                .anyMatch(annotation -> annotation.annotationType().getName().equals("io.dropwizard.auth.Auth"));
        return signedIn ? List.of("SIGNED_IN") : List.of();
    }

    static String httpMethod(Method method) {
        for (var annotation : method.getAnnotations()) {
            jakarta.ws.rs.HttpMethod verb = annotation.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    /** {@code /api/v1//quotes/{id: [0-9]+}/} as OpenAPI writes it: {@code /api/v1/quotes/{id}}. */
    public static String normalize(String path) {
        String withoutPatterns = path.replaceAll("\\{\\s*([\\w.-]+)\\s*:[^}]*}", "{$1}");
        List<String> parts = new ArrayList<>();
        for (String part : withoutPatterns.split("/")) {
            if (!part.isEmpty()) {
                parts.add(part);
            }
        }
        return "/" + String.join("/", parts);
    }

    static Map<String, PathItem> paths(OpenAPI api) {
        return api.getPaths();
    }
}
