package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.EvidenceFormat;
import io.tracegate.platform.failure.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Picks the format plug-in that reads an uploaded file: the one the client names, or else the supporting
 * format with the highest priority (ties broken by name, so the choice never depends on discovery order).
 * No format means the file is kept as an opaque blob; a client can also ask for that by naming
 * {@value #OPAQUE}.
 */
@ApplicationScoped
public class EvidenceFormatChooser {

    /** The name that declares a file opaque: stored, never parsed. */
    public static final String OPAQUE = "opaque";

    private final TreeMap<String, EvidenceFormat> byName = new TreeMap<>();

    /** For CDI's proxy only. */
    protected EvidenceFormatChooser() {
    }

    @Inject
    public EvidenceFormatChooser(@Any Instance<EvidenceFormat> formats) {
        this(formats.stream().toList());
    }

    public EvidenceFormatChooser(List<EvidenceFormat> formats) {
        for (EvidenceFormat format : formats) {
            EvidenceFormat before = byName.put(format.name(), format);
            if (before != null || OPAQUE.equals(format.name())) {
                throw new IllegalStateException("two evidence formats are named '" + format.name() + "'");
            }
        }
    }

    /**
     * The format a client declared, or empty for {@value #OPAQUE}.
     *
     * @throws InvalidInput naming the known formats when there is no such format
     */
    public Optional<EvidenceFormat> named(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        if (wanted.equals(OPAQUE)) {
            return Optional.empty();
        }
        EvidenceFormat format = byName.get(wanted);
        if (format == null) {
            String shown = wanted.length() > 60 ? wanted.substring(0, 60) + "…" : wanted;
            throw new InvalidInput("format", "unknown format '" + shown + "'; one of " + names());
        }
        return Optional.of(format);
    }

    /** The best format for a file by its name and first bytes, or empty when none reads it (opaque). */
    public Optional<EvidenceFormat> detect(String fileName, byte[] head) {
        return byName.values().stream()
                .filter(format -> format.supports(fileName, head))
                .max(Comparator.comparingInt(EvidenceFormat::priority)
                        .thenComparing(EvidenceFormat::name, Comparator.reverseOrder()));
    }

    /** Every name a client may declare, sorted, {@value #OPAQUE} included. */
    public List<String> names() {
        TreeSet<String> all = new TreeSet<>(byName.keySet());
        all.add(OPAQUE);
        return List.copyOf(all);
    }
}
