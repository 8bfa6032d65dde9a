package io.tracegate.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Names the server "Tracegate" instead of the container's product (which the container adds unless a
 * {@code Server} header is already set): what runs underneath, and which version, is no business of a client.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class ServerHeader extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Server", "Tracegate");
        chain.doFilter(request, response);
    }
}
