package io.tracegate.platform.web;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.Map;

/** A problem+json answer written straight to a servlet response, for the edges that run before JAX-RS. */
public final class ServletProblem {

    private ServletProblem() {
    }

    public static void send(HttpServletResponse response, int status, String title, String slug, String detail,
                     Map<String, String> headers) {
        if (response.isCommitted()) {
            return;
        }
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setContentType(Problem.MEDIA_TYPE);
        response.setCharacterEncoding("UTF-8");
        String body = Json.createObjectBuilder()
                .add("type", "https://tracegate.io/problems/" + slug)
                .add("title", title)
                .add("status", status)
                .add("detail", detail)
                .build().toString();
        try {
            response.getWriter().write(body);
            response.flushBuffer();
        } catch (IOException | IllegalStateException clientGone) {
            // nothing more to tell a client that went away
        }
    }
}
