package io.tracegate.release.domain;

import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.blob.StoredBlob;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/** A file of a release (ONNX model, TensorRT engine, calibration cache, ...), immutable once recorded. */
@Entity
@Table(name = "artifact")
public class Artifact {

    @Id
    @SequenceGenerator(name = "artifact_seq", sequenceName = "artifact_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "artifact_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "release_id")
    private Release release;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ArtifactKind kind;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    protected Artifact() {
    }

    /** Records a stored blob as an artifact of a DRAFT release. */
    public static Artifact record(Release release, ArtifactFileName name, ArtifactKind kind, StoredBlob blob,
                                  String mediaType, String by, Instant at) {
        release.ensureAcceptsContentChanges();
        Artifact artifact = new Artifact();
        artifact.release = release;
        artifact.fileName = name.value();
        artifact.kind = Objects.requireNonNull(kind);
        artifact.sha256 = blob.sha256().hex();
        artifact.size = blob.size();
        artifact.mediaType = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
        artifact.uploadedBy = Objects.requireNonNull(by);
        artifact.uploadedAt = Objects.requireNonNull(at);
        return artifact;
    }

    /** Whether an upload of the same name with this content is a harmless retry of this artifact. */
    public boolean hasContent(Sha256 digest) {
        return sha256.equals(digest.hex());
    }

    public Long id() {
        return id;
    }

    public Release release() {
        return release;
    }

    public ArtifactFileName fileName() {
        return new ArtifactFileName(fileName);
    }

    public ArtifactKind kind() {
        return kind;
    }

    public Sha256 sha256() {
        return new Sha256(sha256);
    }

    public long size() {
        return size;
    }

    public String mediaType() {
        return mediaType;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public String uploadedBy() {
        return uploadedBy;
    }
}
