package io.tracegate.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The parts of the document that no Java type states, added by {@link OpenApiCleanup}:
 * <ul>
 *   <li>every error is RFC 9457 problem+json: one {@code Problem} schema, answered as {@code 4XX} and
 *       {@code 5XX} by every operation ({@code platform.web.Problem} writes it);</li>
 *   <li>a list answers a page: a resource names {@code <Item>Page} (e.g. {@code EvidenceViewPage}) and this
 *       adds {@code {items: [<Item>], offset, limit, total}} ({@code platform.paging.PageView}), since a
 *       generic {@code PageView<T>} reaches the scanner without its {@code T};</li>
 *   <li>the success the scanner files under {@code default} (a method without {@code @APIResponse}) is the
 *       {@code 200} it is, and dropped where the method declares its own 2xx answers;</li>
 *   <li>the records of the bodies, which the scanner types wrongly, are written from their classes
 *       ({@link RecordSchemas}, over every concept's {@link ApiRecords}); a body names its record by
 *       {@code $ref}, nothing beside it.</li>
 * </ul>
 */
final class TypedAnswers {

    static final String PROBLEM = "Problem";
    static final String PAGE = "Page";
    private static final String SCHEMAS = "#/components/schemas/";

    private TypedAnswers() {
    }

    static void add(OpenAPI openAPI, Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        Map<String, APIResponse> answers = responses.getAPIResponses() == null ? Map.of() : responses.getAPIResponses();
        boolean declared = answers.keySet().stream().anyMatch(code -> code.startsWith("2"));
        APIResponse scanned = answers.get("default");
        if (scanned != null) {
            responses.removeAPIResponse("default");
            if (!declared) {
                responses.addAPIResponse("200", scanned.description(scanned.getDescription() == null
                        ? "OK" : scanned.getDescription()));
            }
        }
        responses.addAPIResponse("4XX", problem("the request was refused: bad input (400), no or failed login (401), "
                + "wrong role (403), unknown id (404), conflict (409), stale If-Match (412), too large (413), "
                + "too many login attempts (429)"));
        responses.addAPIResponse("5XX", problem("the server could not answer: database unavailable (503, with "
                + "Retry-After), or an internal error"));
    }

    /** The components the operations refer to: the records, {@code Problem} and each {@code <Item>Page} named. */
    static void complete(OpenAPI openAPI, Set<String> refs) {
        Components components = openAPI.getComponents();
        if (components == null) {
            components = OASFactory.createComponents();
            openAPI.setComponents(components);
        }
        List<Class<? extends Record>> records = new ArrayList<>();
        ServiceLoader.load(ApiRecords.class, TypedAnswers.class.getClassLoader())
                .forEach(concept -> records.addAll(concept.records()));
        RecordSchemas.of(records).forEach(components::addSchema);
        components.addSchema(PROBLEM, problemSchema());
        for (String ref : refs) {
            String name = ref.substring(SCHEMAS.length());
            if (name.endsWith(PAGE) && !records.stream().anyMatch(r -> r.getSimpleName().equals(name))) {
                components.addSchema(name, page(name.substring(0, name.length() - PAGE.length())));
            }
        }
        if (!refs.contains(SCHEMAS + "PageView")) {
            components.removeSchema("PageView");
        }
    }

    private static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(OASFactory.createContent()
                .addMediaType("application/problem+json", OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(SCHEMAS + PROBLEM))));
    }

    private static Schema problemSchema() {
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; field names the offending input when there is one")
                .required(List.of("type", "title", "status"))
                .addProperty("type", text("a URI naming the kind of problem, e.g. "
                        + "https://tracegate.io/problems/invalid-input").format("uri"))
                .addProperty("title", text("the HTTP reason phrase"))
                .addProperty("status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32")
                        .description("the HTTP status"))
                .addProperty("detail", text("what went wrong, in words"))
                .addProperty("field", text("the request field, parameter or header at fault"));
    }

    private static Schema page(String item) {
        return OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                .description("a page of " + item + ": items from offset, at most limit of them, of total")
                .required(List.of("items", "offset", "limit", "total"))
                .addProperty("items", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref(SCHEMAS + item)))
                .addProperty("offset", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("limit", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32"))
                .addProperty("total", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64"));
    }

    private static Schema text(String description) {
        return OASFactory.createSchema().type(Schema.SchemaType.STRING).description(description);
    }
}
