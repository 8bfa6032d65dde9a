package io.tracegate.platform.openapi;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * {@code /openapi/ui}: Swagger UI over {@code /openapi}, from the {@code org.webjars:swagger-ui} webjar, whose
 * files the container serves under {@code /webjars/swagger-ui/<version>/}. Public, like the document it shows;
 * "Try it out" calls the API with the browser's own login.
 */
@WebServlet(urlPatterns = {"/openapi/ui", "/openapi/ui/*"})
public class SwaggerUiPage extends HttpServlet {

    static final String VERSION = webjarVersion();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-cache");
        response.getWriter().write(page(request.getContextPath()));
    }

    static String page(String contextPath) {
        String assets = contextPath + "/webjars/swagger-ui/" + VERSION;
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="UTF-8">
                  <title>Tracegate API</title>
                  <link rel="stylesheet" href="%1$s/swagger-ui.css">
                </head>
                <body>
                  <div id="swagger-ui"></div>
                  <script src="%1$s/swagger-ui-bundle.js"></script>
                  <script>
                    window.ui = SwaggerUIBundle({url: "%2$s/openapi?format=json", dom_id: "#swagger-ui", deepLinking: true});
                  </script>
                </body>
                </html>
                """.formatted(assets, contextPath);
    }

    private static String webjarVersion() {
        try (InputStream in = SwaggerUiPage.class.getResourceAsStream(
                "/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the org.webjars:swagger-ui webjar is missing from the WAR");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
