package io.tracegate.platform.openapi;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;

/**
 * {@code /openapi} answers {@code application/yaml} by default and JSON on {@code Accept: application/json} or
 * {@code ?format=json}. The document itself is written by the MicroProfile OpenAPI servlet, which knows only
 * {@code text/plain} for YAML (and refuses {@code Accept: application/yaml} with 406): this filter asks it for
 * the format the client wants and labels YAML as what it is.
 */
@WebFilter(urlPatterns = {"/openapi", "/openapi/*"})
public class OpenApiMediaType extends HttpFilter {

    static final String YAML = "application/yaml;charset=UTF-8";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/openapi/ui")) {
            chain.doFilter(request, response);
            return;
        }
        boolean json = wantsJson(request.getParameter("format"), request.getHeader("Accept"));
        chain.doFilter(new Asking(request, json ? "application/json" : "text/plain"), new Labelling(response));
    }

    static boolean wantsJson(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return format.trim().equalsIgnoreCase("json");
        }
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("application/json")
                && !accept.toLowerCase(Locale.ROOT).contains("yaml");
    }

    static String label(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("text/plain") ? YAML : contentType;
    }

    private static final class Asking extends HttpServletRequestWrapper {
        private final String accept;

        Asking(HttpServletRequest request, String accept) {
            super(request);
            this.accept = accept;
        }

        @Override
        public String getHeader(String name) {
            return "accept".equalsIgnoreCase(name) ? accept : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "accept".equalsIgnoreCase(name) ? Collections.enumeration(java.util.List.of(accept))
                    : super.getHeaders(name);
        }
    }

    private static final class Labelling extends HttpServletResponseWrapper {
        Labelling(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setContentType(String type) {
            super.setContentType(label(type));
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, "content-type".equalsIgnoreCase(name) ? label(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            super.addHeader(name, "content-type".equalsIgnoreCase(name) ? label(value) : value);
        }
    }
}
