package io.tracegate.platform.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A numeric query parameter ({@code int} or {@code long}, e.g. {@code offset}, {@code limit}) that is not a whole
 * number in range is a 400 naming it. JAX-RS would answer 404, as if the resource did not exist. Runs after the
 * login and role checks, so an anonymous caller still learns nothing but 401.
 */
@Provider
public class NumericQueryCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Map<String, Class<?>> numeric = numericQueryParameters(resource.getResourceMethod());
        if (!numeric.isEmpty()) {
            context.register(new Filter(numeric));
        }
    }

    private static Map<String, Class<?>> numericQueryParameters(Method method) {
        Map<String, Class<?>> numeric = new HashMap<>();
        Class<?>[] types = method.getParameterTypes();
        Annotation[][] annotations = method.getParameterAnnotations();
        for (int i = 0; i < types.length; i++) {
            for (Annotation a : annotations[i]) {
                if (a instanceof QueryParam query && List.of(int.class, Integer.class, long.class, Long.class)
                        .contains(types[i])) {
                    numeric.put(query.value(), types[i]);
                }
            }
        }
        return numeric;
    }

    @Priority(Priorities.USER)
    static final class Filter implements ContainerRequestFilter {

        private final Map<String, Class<?>> numeric;

        Filter(Map<String, Class<?>> numeric) {
            this.numeric = Map.copyOf(numeric);
        }

        @Override
        public void filter(ContainerRequestContext request) {
            for (Map.Entry<String, Class<?>> parameter : numeric.entrySet()) {
                List<String> values = request.getUriInfo().getQueryParameters().get(parameter.getKey());
                for (String value : values == null ? List.<String>of() : values) {
                    if (!parses(value.strip(), parameter.getValue())) {
                        boolean isInt = parameter.getValue() == int.class || parameter.getValue() == Integer.class;
                        request.abortWith(Problem.response(Response.Status.BAD_REQUEST, "invalid-input",
                                "must be a whole number" + (isInt ? " of at most " + Integer.MAX_VALUE : "")
                                        + ", got '" + shortened(value) + "'", parameter.getKey()));
                        return;
                    }
                }
            }
        }

        private static boolean parses(String value, Class<?> type) {
            try {
                if (type == int.class || type == Integer.class) {
                    Integer.parseInt(value);
                } else {
                    Long.parseLong(value);
                }
                return true;
            } catch (NumberFormatException e) {
                return false;
            }
        }

        private static String shortened(String value) {
            return value.length() > 40 ? value.substring(0, 40) + "…" : value;
        }
    }
}
