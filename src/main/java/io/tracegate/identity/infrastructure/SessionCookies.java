package io.tracegate.identity.infrastructure;

import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.SessionCookieConfig;
import jakarta.servlet.SessionTrackingMode;
import jakarta.servlet.annotation.WebListener;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.EnumSet;

/**
 * The browser session cookie: {@code TRACEGATE_SESSION}, {@code HttpOnly} (scripts cannot read it),
 * {@code SameSite=Strict} (other sites' pages cannot make the browser send it), {@code Secure} when the
 * request came over HTTPS (or always, with {@code tracegate.session.secure-cookie=true}, for a
 * TLS-terminating proxy in front); cookies only, never a session id in a URL; idle timeout
 * {@code tracegate.session.timeout-minutes} (30). Payara 6 ignores the SameSite attribute set here, so
 * {@code WEB-INF/payara-web.xml} declares it too (Payara writes {@code SameSite=strict}).
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    public static final String NAME = "TRACEGATE_SESSION";

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ServletContext context = event.getServletContext();
        Config config = ConfigProvider.getConfig();
        SessionCookieConfig cookie = context.getSessionCookieConfig();
        cookie.setName(NAME);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Strict");
        if (config.getOptionalValue("tracegate.session.secure-cookie", Boolean.class).orElse(false)) {
            cookie.setSecure(true);
        }
        context.setSessionTrackingModes(EnumSet.of(SessionTrackingMode.COOKIE));
        context.setSessionTimeout(config.getOptionalValue("tracegate.session.timeout-minutes", Integer.class).orElse(30));
    }
}
