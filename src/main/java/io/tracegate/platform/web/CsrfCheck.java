package io.tracegate.platform.web;

import io.tracegate.platform.security.LoginMethod;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The rules against cross-site request forgery, without HTTP plumbing (see {@link CsrfGuard}):
 * <ol>
 *   <li>{@code GET}, {@code HEAD} and {@code OPTIONS} never change state and always pass.</li>
 *   <li>A state-changing request that carries an {@code Origin} header passes only when that origin is
 *   the server's own (scheme, host and port of the request) or one configured in
 *   {@code tracegate.web.origins}; {@code Origin: null} never passes. This holds for every login
 *   method: browsers send Basic credentials they once saw automatically too, and scripts send no
 *   {@code Origin}.</li>
 *   <li>A state-changing request authenticated by the session cookie must carry
 *   {@code X-CSRF-Token} equal to the session's token (compared in constant time). Basic and Bearer
 *   requests need none: browsers never attach those headers to another site's requests on their own
 *   (and the Origin rule covers remembered Basic credentials). The login itself ({@code POST session})
 *   needs no token: it replaces the session anyway.</li>
 * </ol>
 */
public final class CsrfCheck {

    public static final String HEADER = "X-CSRF-Token";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private CsrfCheck() {
    }

    /** Why a request is refused, and which header is at fault ({@code Origin} or {@code X-CSRF-Token}). */
    public record Refusal(String header, String detail) {
    }

    /**
     * @param path           the request path below {@code /api/}, e.g. {@code session}
     * @param login          how the request was authenticated, or null when it was not
     * @param sessionToken   the session's CSRF token (session logins only)
     * @param presentedToken the {@code X-CSRF-Token} header, or null
     * @param origin         the {@code Origin} header, or null
     * @param ownOrigin      the server's own origin as the request reached it, e.g. {@code http://localhost:8080/}
     * @param allowedOrigins further allowed origins, e.g. the public URL behind a proxy
     * @return why the request is refused, or empty when it may proceed
     */
    public static Optional<Refusal> refusal(String method, String path, LoginMethod login, String sessionToken,
                                           String presentedToken, String origin, URI ownOrigin,
                                           Collection<String> allowedOrigins) {
        if (SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (origin != null && !sameOrigin(origin, ownOrigin)
                && allowedOrigins.stream().noneMatch(allowed -> sameOrigin(origin, URI.create(allowed.strip())))) {
            return Optional.of(new Refusal("Origin", "the request comes from another origin (" + origin + ")"));
        }
        if (login == LoginMethod.SESSION && !isLogin(method, path)) {
            if (presentedToken == null || presentedToken.isEmpty()) {
                return Optional.of(new Refusal(HEADER, "a state-changing request with the session cookie needs the "
                        + HEADER + " header from GET /api/session"));
            }
            if (sessionToken == null || !MessageDigest.isEqual(presentedToken.getBytes(StandardCharsets.UTF_8),
                    sessionToken.getBytes(StandardCharsets.UTF_8))) {
                return Optional.of(new Refusal(HEADER, "the " + HEADER + " header does not match this session's token"));
            }
        }
        return Optional.empty();
    }

    private static boolean isLogin(String method, String path) {
        return "POST".equalsIgnoreCase(method) && stripSlashes(path).equals("session");
    }

    private static String stripSlashes(String path) {
        String p = path == null ? "" : path;
        while (p.startsWith("/")) {
            p = p.substring(1);
        }
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** Scheme, host and port equal (default ports made explicit, case-insensitive). */
    static boolean sameOrigin(String origin, URI reference) {
        if (reference == null || reference.getScheme() == null || reference.getHost() == null) {
            return false;
        }
        URI parsed;
        try {
            parsed = new URI(origin.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        if (parsed.getScheme() == null || parsed.getHost() == null) {
            return false;
        }
        return parsed.getScheme().equalsIgnoreCase(reference.getScheme())
                && parsed.getHost().equalsIgnoreCase(reference.getHost())
                && port(parsed) == port(reference);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
