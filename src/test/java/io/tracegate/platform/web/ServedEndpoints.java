package io.tracegate.platform.web;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every JAX-RS resource method of the application, found by reflection over the main classes, so an endpoint
 * added tomorrow is swept too: method, path template under {@code /api}, roles (empty for public ones), what
 * it consumes and its query parameters.
 */
final class ServedEndpoints {

    private ServedEndpoints() {
    }

    record Endpoint(String method, String template, List<String> roles, boolean json, List<String> queries) {

        /** The path parameters' names, in order. */
        List<String> parameters() {
            List<String> names = new ArrayList<>();
            Matcher m = PARAMETER.matcher(template);
            while (m.find()) {
                names.add(m.group(1).trim());
            }
            return names;
        }

        @Override
        public String toString() {
            return method + " " + template;
        }
    }

    static final Pattern PARAMETER = Pattern.compile("\\{([^}:]+)(:[^}]*)?}");

    static List<Endpoint> all() {
        List<Endpoint> endpoints = new ArrayList<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("io.tracegate")) {
            if (!type.isAnnotatedWith(Path.class)) {
                continue;
            }
            Class<?> resource = type.reflect();
            String base = resource.getAnnotation(Path.class).value();
            for (Method m : resource.getDeclaredMethods()) {
                String http = httpMethod(m);
                if (http == null) {
                    continue;
                }
                String path = m.isAnnotationPresent(Path.class) ? join(base, m.getAnnotation(Path.class).value()) : base;
                endpoints.add(new Endpoint(http, path, roles(resource, m), consumesJson(resource, m), queries(m)));
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::toString));
        return endpoints;
    }

    private static String httpMethod(Method m) {
        for (Annotation a : m.getAnnotations()) {
            HttpMethod http = a.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + (sub.startsWith("/") ? sub : "/" + sub);
    }

    private static List<String> roles(Class<?> resource, Method m) {
        if (m.isAnnotationPresent(PermitAll.class)) {
            return List.of();
        }
        RolesAllowed roles = m.isAnnotationPresent(RolesAllowed.class) ? m.getAnnotation(RolesAllowed.class)
                : resource.getAnnotation(RolesAllowed.class);
        return roles == null ? List.of() : List.of(roles.value());
    }

    private static boolean consumesJson(Class<?> resource, Method m) {
        Consumes consumes = m.isAnnotationPresent(Consumes.class) ? m.getAnnotation(Consumes.class)
                : resource.getAnnotation(Consumes.class);
        return consumes != null && Set.of(consumes.value()).contains("application/json");
    }

    private static List<String> queries(Method m) {
        return Arrays.stream(m.getParameterAnnotations()).flatMap(Arrays::stream)
                .filter(a -> a instanceof QueryParam).map(a -> ((QueryParam) a).value()).toList();
    }
}
