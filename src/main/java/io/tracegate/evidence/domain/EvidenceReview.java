package io.tracegate.evidence.domain;

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

/** One review decision on an evidence item; never changed, the newest one is the item's state. */
@Entity
@Table(name = "evidence_review")
public class EvidenceReview {

    @Id
    @SequenceGenerator(name = "evidence_review_seq", sequenceName = "evidence_review_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "evidence_review_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "evidence_id")
    private Evidence evidence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private ReviewState decision;

    @Column(nullable = false, length = 4000)
    private String comment;

    @Column(nullable = false, length = 64)
    private String reviewer;

    @Column(name = "reviewed_at", nullable = false)
    private Instant reviewedAt;

    protected EvidenceReview() {
    }

    static EvidenceReview of(Evidence evidence, ReviewState decision, String comment, String reviewer, Instant at) {
        EvidenceReview r = new EvidenceReview();
        r.evidence = evidence;
        r.decision = decision;
        r.comment = comment;
        r.reviewer = reviewer;
        r.reviewedAt = at;
        return r;
    }

    public Long id() {
        return id;
    }

    public Evidence evidence() {
        return evidence;
    }

    public ReviewState decision() {
        return decision;
    }

    public String comment() {
        return comment;
    }

    public String reviewer() {
        return reviewer;
    }

    public Instant reviewedAt() {
        return reviewedAt;
    }
}
