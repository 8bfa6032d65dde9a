package io.tracegate.audit.domain;

/** The steps of writing a package, in order; the unit each one counts its progress in. */
public enum PackageStep {
    READING_RELEASE("reading the release's state", ""),
    /** Only for files stored before uploads recorded their CRC-32, which a ZIP entry needs ahead of its bytes. */
    COMPUTING_CRCS("computing the CRC-32 of files stored before it was recorded", "bytes"),
    WRITING_ARCHIVE("writing the stored files into the ZIP, each checked against its recorded digest", "bytes"),
    RENDERING_REPORT("rendering and signing the report", ""),
    STORING("storing the package", ""),
    /** A step of earlier versions, which read every stored file twice; kept so their jobs' rows still read. */
    CHECKING_STORED_FILES("re-hashing the stored files against their recorded digests", "bytes");

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
