package io.tracegate.platform.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a code generator needs from an OpenAPI document, read on swagger-parser's model: every JSON body typed
 * down to its leaves (no {@code type: object} without properties, {@code $ref} or {@code additionalProperties},
 * nowhere inside either), no two paths that are the same template under other parameter names, and every
 * {@code $ref} pointing at a schema that exists. Each method lists the offenders, so a failure names them.
 */
final class OpenApiShape {

    private static final String SCHEMAS = "#/components/schemas/";

    private OpenApiShape() {
    }

    /** "PUT /api/x 201 application/json: Foo.bar" for every bare object reached from an operation's JSON body. */
    static List<String> bareJsonSchemas(OpenAPI api) {
        List<String> bare = new ArrayList<>();
        eachOperation(api, (where, operation) -> {
            if (operation.getRequestBody() != null) {
                jsonSchemas(operation.getRequestBody().getContent())
                        .forEach((type, schema) -> bareIn(api, schema, where + " request " + type, new HashSet<>(), bare));
            }
            if (operation.getResponses() != null) {
                operation.getResponses().forEach((code, response) -> jsonSchemas(response.getContent())
                        .forEach((type, schema) -> bareIn(api, schema, where + " " + code + " " + type, new HashSet<>(), bare)));
            }
        });
        return bare;
    }

    /** Pairs of paths that differ only in the names of their parameters: {@code /a/{x}} and {@code /a/{y}}. */
    static List<String> equivalentTemplates(OpenAPI api) {
        Map<String, String> byShape = new HashMap<>();
        List<String> clashes = new ArrayList<>();
        for (String path : api.getPaths().keySet()) {
            String shape = path.replaceAll("\\{[^}]*}", "{}");
            String earlier = byShape.putIfAbsent(shape, path);
            if (earlier != null) {
                clashes.add(earlier + " ~ " + path);
            }
        }
        return clashes;
    }

    /** Every {@code $ref} anywhere in the document that names no schema of {@code components}. */
    static List<String> danglingRefs(OpenAPI api) {
        Set<String> known = api.getComponents() == null || api.getComponents().getSchemas() == null ? Set.of()
                : api.getComponents().getSchemas().keySet();
        List<String> dangling = new ArrayList<>();
        List<Schema<?>> roots = new ArrayList<>();
        eachOperation(api, (where, operation) -> {
            if (operation.getRequestBody() != null) {
                allSchemas(operation.getRequestBody().getContent()).forEach(roots::add);
            }
            if (operation.getResponses() != null) {
                operation.getResponses().values().forEach(r -> allSchemas(r.getContent()).forEach(roots::add));
            }
            if (operation.getParameters() != null) {
                operation.getParameters().forEach(p -> roots.add(p.getSchema()));
            }
        });
        if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
            api.getComponents().getSchemas().values().forEach(schema -> roots.add(schema));
        }
        Set<Schema<?>> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Schema<?> root : roots) {
            refsIn(root, seen, ref -> {
                if (!ref.startsWith(SCHEMAS) || !known.contains(ref.substring(SCHEMAS.length()))) {
                    dangling.add(ref);
                }
            });
        }
        return dangling.stream().distinct().toList();
    }

    private static void bareIn(OpenAPI api, Schema<?> schema, String where, Set<String> visited, List<String> bare) {
        if (schema == null) {
            bare.add(where + ": no schema");
            return;
        }
        if (schema.get$ref() != null) {
            String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
            Schema<?> target = api.getComponents() == null || api.getComponents().getSchemas() == null ? null
                    : api.getComponents().getSchemas().get(name);
            if (target != null && visited.add(name)) {
                bareIn(api, target, name, visited, bare);
            }
            return;
        }
        if (schema.getAllOf() != null || schema.getOneOf() != null || schema.getAnyOf() != null) {
            for (List<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
                if (parts != null) {
                    parts.forEach(part -> bareIn(api, part, where, visited, bare));
                }
            }
            return;
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() == null || schema.getTypes().isEmpty() ? null : schema.getTypes().iterator().next();
        if ("array".equals(type)) {
            bareIn(api, schema.getItems(), where + "[]", visited, bare);
            return;
        }
        boolean hasProperties = schema.getProperties() != null && !schema.getProperties().isEmpty();
        Object additional = schema.getAdditionalProperties();
        if ((type == null && schema.getEnum() == null) || ("object".equals(type) && !hasProperties && additional == null)) {
            bare.add(where);
        }
        if (hasProperties) {
            schema.getProperties().forEach((name, property) -> bareIn(api, property, where + "." + name, visited, bare));
        }
        if (additional instanceof Schema<?> values) {
            bareIn(api, values, where + ".*", visited, bare);
        }
    }

    private static void refsIn(Schema<?> schema, Set<Schema<?>> seen, java.util.function.Consumer<String> ref) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        if (schema.get$ref() != null) {
            ref.accept(schema.get$ref());
        }
        refsIn(schema.getItems(), seen, ref);
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(p -> refsIn(p, seen, ref));
        }
        if (schema.getAdditionalProperties() instanceof Schema<?> values) {
            refsIn(values, seen, ref);
        }
        for (List<Schema> parts : java.util.Arrays.asList(schema.getAllOf(), schema.getOneOf(), schema.getAnyOf())) {
            if (parts != null) {
                parts.forEach(part -> refsIn(part, seen, ref));
            }
        }
    }

    private static Map<String, Schema<?>> jsonSchemas(Content content) {
        Map<String, Schema<?>> json = new HashMap<>();
        if (content != null) {
            content.forEach((type, media) -> {
                String base = type.toLowerCase(java.util.Locale.ROOT);
                if (base.startsWith("application/json") || base.endsWith("+json")) {
                    json.put(type, media.getSchema());
                }
            });
        }
        return json;
    }

    private static List<Schema<?>> allSchemas(Content content) {
        List<Schema<?>> all = new ArrayList<>();
        if (content != null) {
            content.values().forEach(media -> all.add(media.getSchema()));
        }
        return all;
    }

    private static void eachOperation(OpenAPI api, java.util.function.BiConsumer<String, Operation> action) {
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach(
                (PathItem.HttpMethod method, Operation operation) -> action.accept(method + " " + path, operation)));
    }
}
