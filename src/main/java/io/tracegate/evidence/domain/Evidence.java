package io.tracegate.evidence.domain;

import io.tracegate.platform.blob.Sha256;
import io.tracegate.platform.blob.StoredBlob;
import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.platform.failure.NotPermitted;
import io.tracegate.release.domain.Release;
import io.tracegate.requirement.domain.RequirementId;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * An evidence file of a release: stored immutably by its SHA-256, with its provenance, the format that
 * read it, the default scope its metrics got, and the requirements its upload named. Only its
 * review state (and the baseline the review was made under) changes afterwards, through {@link #review}.
 */
@Entity
@Table(name = "evidence")
public class Evidence {

    public static final int MAX_EXPLICIT_REQUIREMENTS = 500;

    @Id
    @SequenceGenerator(name = "evidence_seq", sequenceName = "evidence_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "release_id")
    private Release release;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(nullable = false, length = 40)
    private String format;

    @Column(name = "media_type", nullable = false)
    private String mediaType;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "default_scope", nullable = false, length = 2000)
    private String defaultScope;

    @Column(nullable = false, length = 4000)
    private String notes;

    @Column(name = "metric_count", nullable = false)
    private int metricCount;

    @Column(name = "test_count", nullable = false)
    private int testCount;

    @Embedded
    private Provenance provenance;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "evidence_requirement", joinColumns = @JoinColumn(name = "evidence_id"))
    @Column(name = "req_id", length = 100)
    private Set<String> explicitRequirements = new TreeSet<>();

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "uploaded_by", nullable = false, length = 64)
    private String uploadedBy;

    @Enumerated(EnumType.STRING)
    @Column(name = "review_state", nullable = false, length = 12)
    private ReviewState reviewState;

    /** The release's baseline when the latest decision was made: the requirement versions the reviewer saw. */
    @Column(name = "review_baseline_id")
    private Long reviewBaselineId;

    @Version
    @Column(name = "row_version", nullable = false)
    private long version;

    protected Evidence() {
    }

    /** Records a stored and parsed file as evidence of a DRAFT release. */
    public static Evidence record(Release release, String fileName, ParsedEvidence parsed, StoredBlob blob,
                                  String mediaType, Map<String, String> defaultScope, Set<RequirementId> explicit,
                                  Provenance provenance, String by, Instant at) {
        release.ensureAcceptsContentChanges();
        if (explicit.size() > MAX_EXPLICIT_REQUIREMENTS) {
            throw new InvalidInput("requirement", "at most " + MAX_EXPLICIT_REQUIREMENTS + " requirements per file");
        }
        Evidence e = new Evidence();
        e.release = release;
        e.fileName = Objects.requireNonNull(fileName);
        e.format = parsed.format();
        e.mediaType = mediaType == null || mediaType.isBlank() ? "application/octet-stream" : mediaType;
        e.sha256 = blob.sha256().hex();
        e.size = blob.size();
        e.defaultScope = Metric.scopeText(defaultScope);
        String notes = String.join("\n", parsed.notes());
        e.notes = notes.length() > 4000 ? notes.substring(0, 3999) + "…" : notes;
        e.metricCount = parsed.metrics().size();
        e.testCount = parsed.tests().size();
        e.provenance = Objects.requireNonNull(provenance);
        e.explicitRequirements = explicit.stream().map(RequirementId::value).collect(Collectors.toCollection(TreeSet::new));
        e.uploadedBy = Objects.requireNonNull(by);
        e.uploadedAt = Objects.requireNonNull(at);
        e.reviewState = ReviewState.UNREVIEWED;
        return e;
    }

    /**
     * A safety engineer's decision, on a DRAFT release only (from IN_REVIEW on the reviews are signed with the
     * release). The uploader may not review their own evidence: verification needs a second pair
     * of eyes. The decision is kept as an append-only {@link EvidenceReview}.
     */
    public EvidenceReview review(ReviewState decision, String comment, String reviewer, Instant at) {
        release.ensureAcceptsReviews();
        EvidenceReview review = decide(decision, comment, reviewer, at);
        this.reviewBaselineId = release.baselineId().orElse(null);
        return review;
    }

    private EvidenceReview decide(ReviewState decision, String comment, String reviewer, Instant at) {
        if (decision == null || decision == ReviewState.UNREVIEWED) {
            throw new InvalidInput("decision", "is required: ACCEPTED or REJECTED");
        }
        if (comment == null || comment.isBlank() || comment.length() > 4000) {
            throw new InvalidInput("comment", "is required (1 to 4000 characters): say what you checked");
        }
        if (uploadedBy.equals(reviewer)) {
            throw new NotPermitted("reviewer", reviewer + " uploaded this evidence and cannot review it");
        }
        this.reviewState = decision;
        return EvidenceReview.of(this, decision, comment.strip(), reviewer, at);
    }

    /** Whether an upload of this name and content is a retry of this item. */
    public boolean isSameUpload(String name, Sha256 digest) {
        return fileName.equals(name) && sha256.equals(digest.hex());
    }

    public Long id() {
        return id;
    }

    public Release release() {
        return release;
    }

    public String fileName() {
        return fileName;
    }

    public String format() {
        return format;
    }

    public String mediaType() {
        return mediaType;
    }

    public Sha256 sha256() {
        return new Sha256(sha256);
    }

    public long size() {
        return size;
    }

    public SortedMap<String, String> defaultScope() {
        return Metric.parseScope(defaultScope);
    }

    public List<String> notes() {
        return notes.isEmpty() ? List.of() : List.of(notes.split("\n"));
    }

    public int metricCount() {
        return metricCount;
    }

    public int testCount() {
        return testCount;
    }

    public Provenance provenance() {
        return provenance;
    }

    public SortedSet<RequirementId> explicitRequirements() {
        return explicitRequirements.stream().map(RequirementId::new).collect(Collectors.toCollection(TreeSet::new));
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public ReviewState reviewState() {
        return reviewState;
    }

    /** The baseline the release had when the latest review decision was made; empty if none or unreviewed. */
    public Optional<Long> reviewBaselineId() {
        return Optional.ofNullable(reviewBaselineId);
    }

    public long version() {
        return version;
    }
}
