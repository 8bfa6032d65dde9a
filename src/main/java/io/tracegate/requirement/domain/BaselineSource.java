package io.tracegate.requirement.domain;

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

    protected BaselineSource() {
    }

    private BaselineSource(Kind kind, String location, String ref, String revision) {
        this.kind = kind;
        this.location = Objects.requireNonNull(location);
        this.ref = ref;
        this.revision = Objects.requireNonNull(revision);
    }

    public static BaselineSource git(String repository, String ref, String commitId) {
        return new BaselineSource(Kind.GIT, repository, ref, commitId);
    }

    public static BaselineSource reqif(String fileName, String sha256) {
        return new BaselineSource(Kind.REQIF, fileName, null, sha256);
    }

    /** @param treeSha256 the SHA-256 over the sorted (path, file SHA-256) list of the folder */
    public static BaselineSource files(String folder, String treeSha256) {
        return new BaselineSource(Kind.FILES, folder, null, treeSha256);
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
