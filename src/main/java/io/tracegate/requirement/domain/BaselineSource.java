package io.tracegate.requirement.domain;

import io.tracegate.platform.failure.InvalidInput;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.util.Objects;

/**
 * Where a baseline came from, precisely enough to fetch the same content again: a Git repository, the
 * ref asked for and the commit it resolved to; or a ReqIF file and its SHA-256.
 */
@Embeddable
public class BaselineSource {

    /** GIT: a commit; REQIF: an uploaded export; FILES: a folder of requirement files (the demo). */
    public enum Kind { GIT, REQIF, FILES }

    @Enumerated(EnumType.STRING)
    @Column(name = "source_kind", nullable = false)
    private Kind kind;

    @Column(name = "source_location", nullable = false, length = 1000)
    private String location;

    @Column(name = "source_ref", length = 200)
    private String ref;

    @Column(name = "source_revision", nullable = false, length = 64)
    private String revision;

    private static final int MAX_LOCATION = 1000;
    private static final int MAX_REF = 200;

    protected BaselineSource() {
    }

    private BaselineSource(Kind kind, String location, String ref, String revision) {
        this.kind = kind;
        this.location = Objects.requireNonNull(location);
        this.ref = ref;
        this.revision = Objects.requireNonNull(revision);
    }

    /** @param ref the ref asked for, with {@code :directory} when the import read one folder */
    public static BaselineSource git(String repository, String ref, String commitId) {
        return new BaselineSource(Kind.GIT, fitting("repository", repository, MAX_LOCATION),
                fitting("ref", ref, MAX_REF), commitId);
    }

    public static BaselineSource reqif(String fileName, String sha256) {
        return new BaselineSource(Kind.REQIF, fitting("fileName", fileName, MAX_LOCATION), null, sha256);
    }

    /** @param treeSha256 the SHA-256 over the sorted (path, file SHA-256) list of the folder */
    public static BaselineSource files(String folder, String treeSha256) {
        return new BaselineSource(Kind.FILES, fitting("folder", folder, MAX_LOCATION), null, treeSha256);
    }

    /** Refused here, naming the field, rather than by the column at commit (a 500). */
    private static String fitting(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new InvalidInput(field, "is " + value.length() + " characters long; at most " + max + " are kept"
                    + (field.equals("ref") ? " (the ref and the directory together)" : ""));
        }
        return value;
    }

    public Kind kind() {
        return kind;
    }

    public String location() {
        return location;
    }

    public String ref() {
        return ref;
    }

    /** The Git commit id, or the ReqIF file's SHA-256. */
    public String revision() {
        return revision;
    }
}
