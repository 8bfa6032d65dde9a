package io.tracegate.platform.web;

import io.tracegate.platform.security.Roles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/**
 * {@code /metrics} (MicroProfile Metrics, served inside this application's root context) tells heap, threads,
 * pool sizes and request counts: an attacker's map of the server's load. Only a logged-in administrator or
 * auditor may read it (HTTP Basic or a session: API tokens carry only the upload scope, which grants neither role).
 */
@WebFilter(urlPatterns = {"/metrics", "/metrics/*"})
public class OperatorEndpoints extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getUserPrincipal() == null) {
            ServletProblem.send(response, 401, "Unauthorized", "unauthenticated",
                    "log in first (HTTP Basic or a session) as an administrator or auditor",
                    Map.of("WWW-Authenticate", Unauthenticated.CHALLENGE));
        } else if (!request.isUserInRole(Roles.ADMIN) && !request.isUserInRole(Roles.AUDITOR)) {
            ServletProblem.send(response, 403, "Forbidden", "forbidden",
                    "the metrics are for administrators and auditors", Map.of());
        } else {
            chain.doFilter(request, response);
        }
    }
}
