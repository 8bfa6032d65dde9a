package io.tracegate.platform.security;

/**
 * A CDI event fired when a request of a logged-in caller is refused for a security reason (a failed CSRF
 * or Origin check), so the audit trail can record the attempt without the HTTP edge depending on it.
 *
 * @param actor  the caller's name, or {@code anonymous}
 * @param reason a slug such as {@code csrf}
 * @param detail the method and path, and why
 */
public record AccessRefused(String actor, String reason, String detail) {
}
