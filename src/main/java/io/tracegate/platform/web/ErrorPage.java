package io.tracegate.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.util.Map;

/**
 * The error page of every status the container itself answers outside the API (404 for an unknown page, 405,
 * 500, ...; declared in {@code web.xml}): problem+json like the API, instead of the container's HTML page that
 * names the product.
 */
@WebServlet(urlPatterns = "/error-page")
public class ErrorPage extends HttpServlet {

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer n ? n : HttpServletResponse.SC_NOT_FOUND;
        String title = status == 404 ? "Not Found" : status >= 500 ? "Internal Server Error" : "Error";
        String detail = status == 404 ? "no such resource" : status >= 500 ? "unexpected failure" : "the request was refused";
        ServletProblem.send(response, status, title, "http-" + status, detail, Map.of("Server", "Tracegate"));
    }
}
