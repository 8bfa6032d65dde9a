package io.tracegate.evidence.infrastructure.trtexec;

import io.tracegate.evidence.infrastructure.input.KpiValue;
import java.util.List;

/**
 * Notes telling a reviewer which layer a cut or numbered slug stands for, bounded so that a file of
 * 100,000 look-alike layer names cannot flood the notes.
 */
final class SlugNotes {

    static final int MAX = 20;

    private final List<String> notes;
    private int count;

    SlugNotes(List<String> notes) {
        this.notes = notes;
    }

    void add(LayerSlugs.Slug slug, String originalName) {
        if (!slug.altered()) {
            return;
        }
        if (++count <= MAX) {
            notes.add("layer " + slug.value() + " is '" + KpiValue.shorten(printable(originalName)) + "'");
        }
    }

    /** Closes the list with how many notes were left out. */
    void finish() {
        if (count > MAX) {
            notes.add((count - MAX) + " more layer names shortened or numbered");
        }
    }

    /** Shows control characters (TensorRT's U+001E/U+001F separators) as visible escapes. */
    private static String printable(String name) {
        StringBuilder out = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04X", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString();
    }
}
