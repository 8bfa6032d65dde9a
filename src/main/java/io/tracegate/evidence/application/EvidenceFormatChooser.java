package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.EvidenceFormat;
import io.tracegate.platform.failure.InvalidInput;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Picks the format plug-in for an upload: the one the client names, or the best that supports the file. */
@ApplicationScoped
public class EvidenceFormatChooser {

    private List<EvidenceFormat> formats;

    protected EvidenceFormatChooser() {
    }

    @Inject
    public EvidenceFormatChooser(Instance<EvidenceFormat> formats) {
        this(formats.stream().toList());
    }

    public EvidenceFormatChooser(List<EvidenceFormat> formats) {
        this.formats = formats.stream().sorted(Comparator.comparingInt(EvidenceFormat::priority).reversed()).toList();
    }

    /** The format named by the client; unknown names are refused, listing the known ones. */
    public Optional<EvidenceFormat> named(String name) {
        if (name == null || name.isBlank() || "opaque".equals(name)) {
            return Optional.empty();
        }
        return Optional.of(formats.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(() ->
                new InvalidInput("format", "unknown format '" + name + "'; one of " + names())));
    }

    /** The highest-priority format that supports the file; empty when none does (kept as an opaque blob). */
    public Optional<EvidenceFormat> detect(String fileName, byte[] head) {
        return formats.stream().filter(f -> f.supports(fileName, head)).findFirst();
    }

    public List<String> names() {
        List<String> names = new java.util.ArrayList<>(formats.stream().map(EvidenceFormat::name).sorted().toList());
        names.add("opaque");
        return names;
    }
}
