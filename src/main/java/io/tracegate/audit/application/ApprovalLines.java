package io.tracegate.audit.application;

import io.tracegate.approval.application.Signing;
import io.tracegate.approval.domain.Signature;
import io.tracegate.approval.domain.Waiver;
import io.tracegate.audit.domain.PackageContent.Approval;
import io.tracegate.audit.domain.PackageContent.SignatureLine;
import io.tracegate.audit.domain.PackageContent.WaiverLine;
import io.tracegate.evidence.domain.Finding;
import io.tracegate.release.domain.Release;
import io.tracegate.requirement.domain.RequirementId;

import java.time.Instant;
import java.util.List;

/** Signatures, waivers and the approval rule as package lines. */
final class ApprovalLines {

    private ApprovalLines() {
    }

    static Approval of(Signing.ApprovalStatus status) {
        Release release = status.release();
        return new Approval(status.rule().describe(), status.missing(),
                status.signatures().stream().map(s -> of(s, release)).toList());
    }

    static SignatureLine of(Signature s, Release release) {
        return new SignatureLine(s.printedName(), s.signer(), s.meaning().name(), s.meaning().words(), s.signedAt(),
                s.round(), s.manifestDigest(), s.comment(), s.gateGreen(), s.isCurrentFor(release));
    }

    /** @param now the time the trace was computed at, so validity here and WAIVED verdicts agree */
    static List<WaiverLine> waivers(Signing.ApprovalStatus status, Instant now) {
        return status.waivers().stream().map(w -> of(w, status.release(), now)).toList();
    }

    private static WaiverLine of(Waiver w, Release release, Instant now) {
        return new WaiverLine(w.requirementId().map(RequirementId::value).orElse(null), w.findingCode().orElse(null),
                w.verdictWaived().map(Enum::name).orElse(Finding.Severity.ERROR.name()), w.justification(),
                w.expiresAt(), w.signer(), w.printedName(), w.signedAt(), w.round(), w.isValidFor(release, now));
    }
}
