package io.tracegate.platform.security;

/**
 * A CDI event fired when a request is refused for a security reason (a failed CSRF or Origin check), so
 * the audit trail can record the attempt without the HTTP edge depending on it.
 *
 * @param actor   the caller's name, or {@code anonymous}
 * @param reason  a slug such as {@code csrf}
 * @param request the method and path, e.g. {@code POST /api/models}
 * @param detail  why it was refused
 */
public record AccessRefused(String actor, String reason, String request, String detail) {
}
