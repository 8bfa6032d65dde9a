package io.tracegate.audit.domain;

/** The steps of writing a package, in order; the unit each one counts its progress in. */
public enum PackageStep {
    READING_RELEASE("reading the release's state", ""),
    CHECKING_STORED_FILES("re-hashing the stored files against their recorded digests", "bytes"),
    RENDERING_REPORT("rendering and signing the report", ""),
    WRITING_ARCHIVE("writing the ZIP", "bytes"),
    STORING("storing the package", "");

    private final String words;
    private final String unit;

    PackageStep(String words, String unit) {
        this.words = words;
        this.unit = unit;
    }

    public String words() {
        return words;
    }

    /** "bytes", or empty when the step reports no count. */
    public String unit() {
        return unit;
    }
}
