package io.tracegate.approval.domain;

import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.release.domain.Release;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * An electronic signature on a release: who (user id and printed name), when (UTC), what it means, and the
 * manifest digest and review round it was given for. Never changed or deleted; it is obsolete when the
 * release has since been reopened (another round), which is computed, not stored.
 */
@Entity
@Table(name = "signature")
public class Signature {

    @Id
    @SequenceGenerator(name = "signature_seq", sequenceName = "signature_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "signature_seq")
    private Long id;

    @Column(name = "release_id", nullable = false)
    private long releaseId;

    @Column(name = "review_round", nullable = false)
    private int round;

    @Column(name = "manifest_digest", nullable = false, length = 64)
    private String manifestDigest;

    @Column(nullable = false, length = 64)
    private String signer;

    @Column(name = "printed_name", nullable = false, length = 200)
    private String printedName;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private SignatureMeaning meaning;

    @Column(name = "comment_text", length = 2000)
    private String comment;

    @Column(name = "gate_green", nullable = false)
    private boolean gateGreen;

    protected Signature() {
    }

    /** Signs the release's current round; the caller has checked the digest, the password and the rules. */
    public static Signature sign(Release release, String signer, String printedName, SignatureMeaning meaning,
                                 String comment, boolean gateGreen, Instant at) {
        if (comment != null && comment.length() > 2000) {
            throw new InvalidInput("comment", "at most 2000 characters");
        }
        if (meaning == SignatureMeaning.REJECT && (comment == null || comment.isBlank())) {
            throw new InvalidInput("comment", "a rejection needs the reason");
        }
        Signature s = new Signature();
        s.releaseId = release.id();
        s.round = release.reviewRound();
        s.manifestDigest = release.manifestDigest().orElseThrow();
        s.signer = Objects.requireNonNull(signer);
        s.printedName = Objects.requireNonNull(printedName);
        s.meaning = Objects.requireNonNull(meaning);
        s.comment = comment == null || comment.isBlank() ? null : comment.strip();
        s.gateGreen = gateGreen;
        s.signedAt = Objects.requireNonNull(at);
        return s;
    }

    /** Whether the signature still speaks for the release's content (no reopen since). */
    public boolean isCurrentFor(Release release) {
        return release.reviewRound() == round && release.manifestDigest().map(manifestDigest::equals).orElse(false);
    }

    public Long id() {
        return id;
    }

    public long releaseId() {
        return releaseId;
    }

    public int round() {
        return round;
    }

    public String manifestDigest() {
        return manifestDigest;
    }

    public String signer() {
        return signer;
    }

    public String printedName() {
        return printedName;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public SignatureMeaning meaning() {
        return meaning;
    }

    public String comment() {
        return comment;
    }

    public boolean gateGreen() {
        return gateGreen;
    }
}
