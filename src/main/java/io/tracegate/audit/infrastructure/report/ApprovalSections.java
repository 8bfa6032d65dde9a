package io.tracegate.audit.infrastructure.report;

import io.tracegate.audit.domain.PackageContent.SignatureLine;
import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.domain.StandardsMapping;
import io.tracegate.audit.infrastructure.signing.SigningKey;
import io.tracegate.trail.domain.ChainCheck;
import io.tracegate.trail.domain.HistoryEvent;
import io.tracegate.trail.domain.ReleaseHistory;

import java.util.ArrayList;
import java.util.List;

import static io.tracegate.audit.infrastructure.report.OverviewSections.fact;
import static io.tracegate.audit.infrastructure.report.ReportText.orNone;
import static io.tracegate.audit.infrastructure.report.ReportText.utc;

/** Sections 8 to 10: electronic signatures, the audit trail with its chain check, the standards mapping. */
final class ApprovalSections {

    private final PageFlow flow;
    private final PackageContent content;
    private final SigningKey key;

    ApprovalSections(PageFlow flow, PackageContent content, SigningKey key) {
        this.flow = flow;
        this.content = content;
        this.key = key;
    }

    void write() {
        signatures();
        history();
        standards();
    }

    private void signatures() {
        flow.section("8 Approvals and electronic signatures");
        flow.paragraph("Each signature shows the signer's printed name, the date and time in UTC, and the meaning "
                + "of the signature (21 CFR Part 11 §11.50). It is bound to the manifest digest of the content it was "
                + "given for and to the review round (§11.70); the signer re-entered their password to sign (§11.200). "
                + "A signature of an earlier round is obsolete: the release was reopened after it.");
        flow.facts(List.of(fact("Approval rule", content.approval().rule()),
                fact("Still missing", content.approval().missing().isEmpty() ? "nothing"
                        : String.join("; ", content.approval().missing()))));
        List<SignatureLine> signatures = content.approval().signatures();
        if (signatures.isEmpty()) {
            flow.paragraph("No electronic signatures yet.");
        }
        for (SignatureLine s : signatures) {
            flow.subheading(s.printedName() + ": " + s.meaningInWords());
            List<List<Cell>> facts = new ArrayList<>();
            facts.add(List.of(Cell.bold("Printed name"), Cell.bold(s.printedName())));
            facts.add(fact("User", s.signer()));
            facts.add(fact("Meaning", s.meaningInWords() + " (" + s.meaning() + ")"));
            facts.add(fact("Signed at", utc(s.signedAt())));
            facts.add(fact("Review round", Integer.toString(s.round())));
            facts.add(List.of(Cell.bold("Manifest digest signed"), Cell.mono(s.manifestDigest())));
            facts.add(fact("Gate when signed", s.gateGreen() ? "green" : "red"));
            facts.add(fact("Comment", orNone(s.comment())));
            facts.add(List.of(Cell.bold("Status"), s.current() ? Cell.verdict("VALID")
                    : new Cell("obsolete: the release was reopened after this round", Cell.Face.REGULAR, Cell.GREY)));
            flow.facts(facts);
        }
        flow.subheading("Signatures of this package");
        flow.paragraph("SHA256SUMS lists the SHA-256 of every other file of the package; SHA256SUMS.sig is a "
                + "detached CMS (PKCS#7) signature over it, and this PDF carries a PAdES signature (ETSI.CAdES.detached). "
                + "Both are made with the key below, whose certificate is signing-cert.pem. Neither has a signing time "
                + "of its own: the package's time is its content time, " + utc(content.asOf()) + ".");
        flow.facts(List.of(fact("Signed by", key.subject()),
                List.of(Cell.bold("Certificate SHA-256"), Cell.mono(key.fingerprint())),
                fact("Key", key.origin())));
    }

    private void history() {
        flow.section("9 Audit trail");
        ReleaseHistory.History history = content.history();
        ChainCheck chain = history.chain();
        if (chain.checkedUpTo() == 0) {
            flow.paragraph("No audit events concern this release.");
        } else if (chain.valid()) {
            flow.paragraph("Chain verified: all " + chain.events() + " events from the first to event "
                    + chain.checkedUpTo() + " (this release's last) have the hash their content gives and link to their "
                    + "predecessor's. Events recorded later chain onto the hash of event " + chain.checkedUpTo() + ":",
                    flow.fonts.bold, PageFlow.BODY, Cell.GREEN);
            flow.paragraph(chain.hashAtEnd(), flow.fonts.mono, PageFlow.BODY, Cell.INK);
        } else {
            flow.paragraph("Chain BROKEN: " + chain.problem(), flow.fonts.bold, PageFlow.BODY, Cell.RED);
        }
        flow.paragraph("Events about this release, its requirements (waivers), its artifacts and its evidence, oldest "
                + "first. Events "
                + "about audit packages themselves (generated, downloaded) are left out, so they do not change the "
                + "package; they are in the trail.");
        List<HistoryEvent> events = history.events();
        if (!events.isEmpty()) {
            flow.table(List.of("#", "Time", "Who", "What", "Change", "Reason"),
                    new float[] {0.5f, 1.3f, 0.9f, 1.8f, 2.6f, 1.8f},
                    events.stream().map(e -> List.of(Cell.of(Long.toString(e.seq())), Cell.of(utc(e.at())),
                            Cell.of(e.actor()), Cell.of(e.action() + "\n" + e.subject()),
                            Cell.of(change(e)), Cell.of(orNone(e.reason())))).toList());
        }
    }

    private static String change(HistoryEvent e) {
        if (e.before() == null) {
            return orNone(e.after());
        }
        return e.before() + " → " + orNone(e.after());
    }

    private void standards() {
        flow.section("10 Standards mapping");
        flow.paragraph("Which part of this package provides evidence for which clause or work product, and what it "
                + "does not provide. This is not a claim of conformance or compliance: an assessor judges that over far "
                + "more than one release. Numbers in brackets are sections of this report. Check the ids against the "
                + "standard texts.");
        flow.table(List.of("Standard", "Clause / work product", "This package provides evidence for it with", "Not provided"),
                new float[] {0.9f, 1.7f, 3, 2.6f},
                StandardsMapping.rows().stream().map(r -> List.of(Cell.bold(r.standard()), Cell.of(r.clause()),
                        Cell.of(r.provides()), new Cell(r.gap(), Cell.Face.REGULAR, Cell.AMBER))).toList());
    }
}
