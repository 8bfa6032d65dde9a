package io.tracegate.evidence.infrastructure.trtexec;

import java.util.HashSet;
import java.util.Set;

/**
 * Turns layer names (arbitrary text) into scope values, which must match {@code [A-Za-z0-9._-]+} and are
 * at most 120 characters: every run of other characters becomes one {@code -}. Distinct layers must stay
 * distinct metrics, so a slug already handed out gets {@code -2}, {@code -3}, ... appended; the caller
 * notes the original name whenever a slug was cut or numbered, as the reader could not tell otherwise.
 */
final class LayerSlugs {

    static final int MAX = 120;

    /** A slug, and whether it lost more than the characters a scope value cannot hold. */
    record Slug(String value, boolean altered) {
    }

    private final Set<String> taken = new HashSet<>();

    Slug slug(String name) {
        String base = name.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        boolean altered = false;
        if (base.isEmpty()) {
            base = "layer";
            altered = true;
        }
        if (base.length() > MAX) {
            base = base.substring(0, MAX);
            altered = true;
        }
        String slug = base;
        for (int n = 2; !taken.add(slug); n++) {
            String suffix = "-" + n;
            slug = base.substring(0, Math.min(base.length(), MAX - suffix.length())) + suffix;
            altered = true;
        }
        return new Slug(slug, altered);
    }
}
