package io.tracegate.identity.infrastructure;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Browser logins: the HTTP session holds the username, the account's credential stamp at login and a
 * CSRF token; never a password, never roles (they are read from the account on every request, so a
 * role change or deactivation applies at once).
 */
public final class BrowserSessions {

    static final String USER = "io.tracegate.session.user";
    static final String STAMP = "io.tracegate.session.stamp";
    static final String CSRF = "io.tracegate.session.csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private BrowserSessions() {
    }

    /**
     * Starts a session for a caller whose password was just checked. Any earlier session of this browser
     * is invalidated first, so the session id changes at login (no session fixation).
     *
     * @return the session's CSRF token
     */
    public static String open(HttpServletRequest request, String username, String stamp) {
        close(request);
        HttpSession session = request.getSession(true);
        String csrf = newCsrfToken();
        session.setAttribute(USER, username);
        session.setAttribute(STAMP, stamp);
        session.setAttribute(CSRF, csrf);
        return csrf;
    }

    /**
     * After {@code username} changed their own password: keeps this browser's session of that user valid
     * (the other sessions of the account end, their stamp is stale).
     */
    public static void restamp(HttpServletRequest request, String username, String stamp) {
        HttpSession session = request.getSession(false);
        if (session != null && username.equals(session.getAttribute(USER))) {
            session.setAttribute(STAMP, stamp);
        }
    }

    /** Logs the browser out; harmless without a session. */
    public static void close(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            try {
                session.invalidate();
            } catch (IllegalStateException alreadyInvalidated) {
                // nothing left to end
            }
        }
    }

    /** The login this request's session remembers, if any. */
    static Optional<Remembered> remembered(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Optional.empty();
        }
        try {
            Object user = session.getAttribute(USER);
            Object stamp = session.getAttribute(STAMP);
            Object csrf = session.getAttribute(CSRF);
            if (user instanceof String u && stamp instanceof String s && csrf instanceof String c) {
                return Optional.of(new Remembered(new SessionCredential(u, s), c));
            }
        } catch (IllegalStateException invalidated) {
            // ended concurrently
        }
        return Optional.empty();
    }

    static String newCsrfToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    record Remembered(SessionCredential credential, String csrfToken) {
    }
}
