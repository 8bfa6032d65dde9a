package io.tracegate.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * A generated audit package: which release, in which state (status, review round, manifest digest, the
 * time of its newest fact), and the stored ZIP (SHA-256 and size, in the blob store). Never changed.
 */
@Entity
@Table(name = "audit_package")
public class AuditPackage {

    @Id
    @SequenceGenerator(name = "audit_package_seq", sequenceName = "audit_package_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_package_seq")
    private Long id;

    @Column(name = "release_id", nullable = false)
    private long releaseId;

    @Column(name = "release_status", nullable = false, length = 20)
    private String releaseStatus;

    @Column(name = "review_round", nullable = false)
    private int reviewRound;

    @Column(name = "manifest_digest", nullable = false, length = 64)
    private String manifestDigest;

    @Column(name = "content_as_of", nullable = false)
    private Instant contentAsOf;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "file_name", nullable = false, length = 300)
    private String fileName;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "created_by", nullable = false, length = 64)
    private String createdBy;

    protected AuditPackage() {
    }

    public static AuditPackage of(PackageContent content, BuiltPackage built, String by, Instant at) {
        PackageContent.Summary s = content.summary();
        AuditPackage p = new AuditPackage();
        p.releaseId = s.releaseId();
        p.releaseStatus = s.status();
        p.reviewRound = s.reviewRound();
        p.manifestDigest = s.manifestDigest();
        p.contentAsOf = content.asOf();
        p.sha256 = built.sha256();
        p.size = built.size();
        p.fileName = downloadName(s.model(), s.version());
        p.createdBy = Objects.requireNonNull(by);
        p.createdAt = Objects.requireNonNull(at);
        return p;
    }

    /** e.g. {@code front-camera-object-detector-4.2.0-int8.1-audit-package.zip} (model names and versions are safe). */
    static String downloadName(String model, String version) {
        return model + "-" + version + "-audit-package.zip";
    }

    public Long id() {
        return id;
    }

    public long releaseId() {
        return releaseId;
    }

    public String releaseStatus() {
        return releaseStatus;
    }

    public int reviewRound() {
        return reviewRound;
    }

    public String manifestDigest() {
        return manifestDigest;
    }

    public Instant contentAsOf() {
        return contentAsOf;
    }

    public String sha256() {
        return sha256;
    }

    public long size() {
        return size;
    }

    public String fileName() {
        return fileName;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String createdBy() {
        return createdBy;
    }
}
