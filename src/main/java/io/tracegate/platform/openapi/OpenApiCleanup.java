package io.tracegate.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.Paths;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the document MicroProfile OpenAPI scans from the resources into one that generators and validators
 * accept (registered as {@code mp.openapi.filter}):
 * <ul>
 *   <li>plain path templates: {@code /evidence/{evidenceId: [0-9]+}} becomes {@code /evidence/{evidenceId}};</li>
 *   <li>unique operation ids, from the method and the path ({@code GET /api/releases/{id}/artifacts} is
 *       {@code getReleasesByIdArtifacts}), where the scan gives the Java method's name ({@code list}, {@code get})
 *       to many;</li>
 *   <li>streamed bodies (uploads, downloads, the audit export) typed as binary strings instead of {@code object},
 *       and a body that names a schema by {@code $ref} stripped of what the scanner left beside it;</li>
 *   <li>numeric path parameters as 64-bit integers;</li>
 *   <li>Payara's non-standard top-level {@code endpoints} list dropped;</li>
 *   <li>what no Java type states (problem+json errors, page envelopes, times): {@link TypedAnswers}.</li>
 * </ul>
 */
public class OpenApiCleanup implements OASFilter {

    private static final Pattern REGEX_TEMPLATE = Pattern.compile("\\{\\s*(\\w+)\\s*:[^}]*}");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths != null && paths.getPathItems() != null) {
            Map<String, PathItem> plain = new LinkedHashMap<>();
            paths.getPathItems().forEach((template, item) -> plain.put(plainTemplate(template), item));
            for (String template : Map.copyOf(paths.getPathItems()).keySet()) {
                paths.removePathItem(template);
            }
            Set<String> ids = new HashSet<>();
            Set<String> refs = new HashSet<>();
            plain.forEach((template, item) -> {
                paths.addPathItem(template, item);
                if (item.getOperations() != null) {
                    item.getOperations().forEach((method, operation) -> {
                        clean(template, method, operation, ids);
                        TypedAnswers.add(openAPI, operation);
                        refs.addAll(refsOf(operation));
                    });
                }
            });
            TypedAnswers.complete(openAPI, refs);
        }
        dropPayaraEndpoints(openAPI);
    }

    static String plainTemplate(String template) {
        return REGEX_TEMPLATE.matcher(template).replaceAll("{$1}");
    }

    static String operationId(String template, PathItem.HttpMethod method) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : template.split("/")) {
            if (segment.isEmpty() || segment.equals("api")) {
                continue;
            }
            boolean parameter = segment.startsWith("{");
            String word = parameter ? segment.substring(1, segment.length() - 1) : segment;
            if (parameter) {
                id.append("By");
            }
            for (String part : word.split("[^A-Za-z0-9]+")) {
                if (!part.isEmpty()) {
                    id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
                }
            }
        }
        return id.toString();
    }

    private static void clean(String template, PathItem.HttpMethod method, Operation operation, Set<String> ids) {
        String id = operationId(template, method);
        String unique = id;
        for (int n = 2; !ids.add(unique); n++) {
            unique = id + n;
        }
        operation.setOperationId(unique);
        if (operation.getParameters() != null) {
            for (Parameter parameter : operation.getParameters()) {
                Schema schema = parameter.getSchema();
                if (parameter.getIn() == Parameter.In.PATH && schema != null
                        && schema.getType() == Schema.SchemaType.NUMBER) {
                    schema.setType(Schema.SchemaType.INTEGER);
                    schema.setFormat("int64");
                }
            }
        }
        if (operation.getRequestBody() != null) {
            typeStreams(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(response -> typeStreams(response.getContent()));
        }
    }

    /**
     * A body that is not JSON is a stream of bytes: {@code type: string, format: binary}. A body that names a
     * schema names only that: the scanner leaves defaults ({@code type}, {@code maxProperties: 0}) beside it.
     */
    private static void typeStreams(Content content) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().forEach((type, media) -> {
            if (media.getSchema() != null && media.getSchema().getRef() != null) {
                media.setSchema(OASFactory.createSchema().ref(media.getSchema().getRef()));
            } else if (!isJson(type) && bare(media)) {
                media.setSchema(OASFactory.createSchema().type(Schema.SchemaType.STRING).format("binary"));
            }
        });
    }

    private static boolean isJson(String type) {
        String base = type.toLowerCase(Locale.ROOT).split(";")[0].trim();
        return base.equals("application/json") || base.endsWith("+json");
    }

    /** The schemas an operation's bodies name, e.g. {@code #/components/schemas/EvidenceViewPage}. */
    private static Set<String> refsOf(Operation operation) {
        Set<String> refs = new HashSet<>();
        java.util.List<Content> contents = new java.util.ArrayList<>();
        if (operation.getRequestBody() != null) {
            contents.add(operation.getRequestBody().getContent());
        }
        if (operation.getResponses() != null && operation.getResponses().getAPIResponses() != null) {
            operation.getResponses().getAPIResponses().values().forEach(response -> contents.add(response.getContent()));
        }
        for (Content content : contents) {
            if (content != null && content.getMediaTypes() != null) {
                content.getMediaTypes().values().stream().map(MediaType::getSchema)
                        .filter(schema -> schema != null && schema.getRef() != null)
                        .forEach(schema -> refs.add(schema.getRef()));
            }
        }
        return refs;
    }

    private static boolean bare(MediaType media) {
        Schema schema = media.getSchema();
        return schema == null || (schema.getRef() == null
                && (schema.getProperties() == null || schema.getProperties().isEmpty())
                && (schema.getType() == null || schema.getType() == Schema.SchemaType.OBJECT));
    }

    /** Payara adds {@code endpoints} (servers and their paths) beside the standard fields; OpenAPI allows only x-. */
    private static void dropPayaraEndpoints(OpenAPI openAPI) {
        try {
            openAPI.getClass().getMethod("setEndpoints", Map.class).invoke(openAPI, Map.of());
        } catch (ReflectiveOperationException | RuntimeException notPayara) {
            // another implementation: nothing to drop
        }
    }
}
