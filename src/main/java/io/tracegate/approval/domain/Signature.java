package io.tracegate.approval.domain;

import io.tracegate.platform.failure.InvalidInput;
import io.tracegate.release.domain.Release;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
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

    @Embedded
    private SignedContent signed;

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
        s.meaning = Objects.requireNonNull(meaning);
        s.comment = comment == null || comment.isBlank() ? null : comment.strip();
        s.gateGreen = gateGreen;
        s.signed = SignedContent.of(release, signer, printedName, at);
        return s;
    }

    /** Whether the signature still speaks for the release's content (no reopen since). */
    public boolean isCurrentFor(Release release) {
        return signed.isCurrentFor(release);
    }

    public Long id() {
        return id;
    }

    public long releaseId() {
        return signed.releaseId();
    }

    public int round() {
        return signed.round();
    }

    public String manifestDigest() {
        return signed.manifestDigest();
    }

    public String signer() {
        return signed.signer();
    }

    public String printedName() {
        return signed.printedName();
    }

    public Instant signedAt() {
        return signed.signedAt();
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
