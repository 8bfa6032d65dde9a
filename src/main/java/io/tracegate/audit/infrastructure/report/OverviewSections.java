package io.tracegate.audit.infrastructure.report;

import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.domain.PackageContent.ArtifactLine;
import io.tracegate.audit.domain.PackageContent.Fact;
import io.tracegate.audit.domain.PackageContent.FindingLine;
import io.tracegate.audit.domain.PackageContent.ModelLine;
import io.tracegate.audit.domain.PackageContent.SignatureLine;
import io.tracegate.audit.domain.PackageContent.Summary;
import io.tracegate.audit.infrastructure.signing.SigningKey;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static io.tracegate.audit.infrastructure.report.ReportText.orNone;
import static io.tracegate.audit.infrastructure.report.ReportText.utc;

/** Sections 1 to 4: summary, model identity, optimization and cross-check, requirement baseline. */
final class OverviewSections {

    /** How the gate names a blocking finding among the blocking requirement ids: "cross-check <code>". */
    private static final String CROSS_CHECK = "cross-check ";

    private final PageFlow flow;
    private final PackageContent content;
    private final SigningKey key;
    private final String generator;

    OverviewSections(PageFlow flow, PackageContent content, SigningKey key, String generator) {
        this.flow = flow;
        this.content = content;
        this.key = key;
        this.generator = generator;
    }

    void write() {
        Summary s = content.summary();
        flow.title("Audit package: " + s.model() + " " + s.version(), "Release " + s.releaseId() + " · "
                + s.status() + " · state as of " + utc(content.asOf()) + " · " + generator);
        summary(s);
        identity();
        optimization();
        baseline();
    }

    private void summary(Summary s) {
        flow.section("1 Summary");
        flow.paragraph("This report belongs to the audit package of release " + s.releaseId() + ". It shows the "
                + "release's state as of " + utc(content.asOf()) + " (its newest recorded fact); the same state always "
                + "yields the same package, byte for byte. SHA256SUMS and its CMS signature cover every file of the "
                + "package; this PDF carries its own signature and manifest.json as an attachment.");
        List<List<Cell>> facts = new ArrayList<>();
        facts.add(fact("Model", s.model()));
        facts.add(fact("Release", s.version() + " (release " + s.releaseId() + "), created " + utc(s.createdAt())
                + " by " + s.createdBy()));
        if (s.description() != null) {
            facts.add(fact("Description", s.description()));
        }
        facts.add(fact("Reference release", orNone(s.reference())));
        facts.add(List.of(Cell.bold("Status"), Cell.verdict(s.status())));
        if (s.statusChangedAt() != null) {
            facts.add(fact("Status since", utc(s.statusChangedAt()) + " by " + orNone(s.statusChangedBy())
                    + (s.statusReason() == null ? "" : ": " + s.statusReason())));
        }
        facts.add(fact("Review round", Integer.toString(s.reviewRound())));
        facts.add(List.of(Cell.bold("Gate"), Cell.verdict(s.gateGreen() ? "GREEN" : "RED")));
        facts.add(fact("Verdicts", s.verdictCounts().entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "))));
        if (!s.blocking().isEmpty()) {
            facts.add(fact("Blocking the gate", String.join(", ", s.blocking())));
        }
        if (s.traceWarningCount() > 0) {
            facts.add(fact("Trace warnings", s.traceWarningCount() + " requirement id(s) named by evidence are not in "
                    + "the baseline (listed in section 5)"));
        }
        facts.add(fact("Highest ASIL", s.highestAsil()));
        facts.add(fact("Approval rule", content.approval().rule()));
        facts.add(fact("Still missing", content.approval().missing().isEmpty() ? "nothing: the approval rule is satisfied"
                : String.join("; ", content.approval().missing())));
        facts.add(List.of(Cell.bold("Manifest digest"), Cell.mono(s.manifestDigest())));
        facts.add(fact("Digest status", s.manifestFrozen() ? "frozen when review round " + s.reviewRound()
                + " started; signatures bind to it. release-manifest.txt in this package hashes to it."
                : "not frozen: the release is a DRAFT, and this is the digest submitting it now would freeze. "
                  + "Nobody has signed it."));
        flow.facts(facts);
        if (s.manifestNote() != null) {
            flow.paragraph(s.manifestNote(), flow.fonts.bold, PageFlow.BODY, Cell.RED);
        }
        flow.subheading("Who signed what and when");
        List<SignatureLine> signatures = content.approval().signatures();
        if (signatures.isEmpty()) {
            flow.paragraph("No electronic signatures yet.");
        } else {
            flow.table(List.of("Printed name", "User", "Meaning", "Signed at", "Round", "Status"),
                    new float[] {1.5f, 0.9f, 1.9f, 1.8f, 0.6f, 1.1f},
                    signatures.stream().map(g -> List.of(Cell.bold(g.printedName()), Cell.of(g.signer()),
                            Cell.of(g.meaningInWords()), Cell.of(utc(g.signedAt())), Cell.of(Integer.toString(g.round())),
                            g.current() ? Cell.verdict("VALID") : new Cell("obsolete (reopened since)", Cell.Face.REGULAR,
                                    Cell.GREY))).toList());
        }
        flow.subheading("How this package is signed");
        flow.facts(List.of(fact("Signed by", key.subject()),
                List.of(Cell.bold("Certificate SHA-256"), Cell.mono(key.fingerprint())),
                fact("Key", key.origin())));
        if (key.selfSigned()) {
            flow.paragraph("Self-signed key: this package is signed with a key that this Tracegate instance created for "
                    + "itself (demo or default mode). The signatures prove that the package is unchanged since it was "
                    + "generated, not which organisation stands behind it. Configure an organisation's key "
                    + "(tracegate.package.keystore) for releases that leave the team.", flow.fonts.bold, PageFlow.BODY,
                    Cell.AMBER);
        }
    }

    private void identity() {
        flow.section("2 Model identity");
        flow.paragraph("Reference release (the trained model this one was derived from): "
                + orNone(content.summary().reference()) + ".");
        flow.subheading("Artifacts");
        List<ArtifactLine> artifacts = content.identity().artifacts();
        if (artifacts.isEmpty()) {
            flow.paragraph("The release has no artifacts.");
        } else {
            flow.table(List.of("File", "Kind", "Size", "SHA-256", "Uploaded", "In this package"),
                    new float[] {1.5f, 1.4f, 1.1f, 2.3f, 1.3f, 1.8f},
                    artifacts.stream().map(a -> List.of(Cell.bold(a.fileName()), Cell.of(a.kind() + "\n" + a.mediaType()),
                            Cell.of(ReportText.bytes(a.size())), Cell.mono(a.sha256()),
                            Cell.of(utc(a.uploadedAt()) + "\n" + a.uploadedBy()), Cell.mono(a.path()))).toList());
        }
        for (ModelLine model : content.identity().models()) {
            flow.subheading("ONNX facts: " + model.artifact());
            flow.facts(model.facts().stream().map(OverviewSections::fact).toList());
        }
    }

    private void optimization() {
        flow.section("3 Optimization settings and cross-check");
        List<Fact> recipe = content.optimization().recipe();
        if (recipe.isEmpty()) {
            flow.paragraph("The release has no optimization recipe.");
        } else {
            flow.facts(recipe.stream().map(OverviewSections::fact).toList());
        }
        flow.subheading("Cross-check of the recipe against the ONNX graphs and the evidence");
        List<FindingLine> findings = content.optimization().findings();
        if (findings.isEmpty()) {
            flow.paragraph("No findings.");
        } else {
            flow.table(List.of("Severity", "Finding", "About", "Explanation"), new float[] {0.9f, 1.5f, 1.4f, 4.5f},
                    findings.stream().map(f -> List.of(Cell.verdict(f.severity()), Cell.mono(f.code()),
                            Cell.of(f.artifact() == null ? "the release" : f.artifact()), Cell.of(f.message()))).toList());
        }
        List<String> blocking = content.summary().blocking().stream().filter(b -> b.startsWith(CROSS_CHECK))
                .map(b -> b.substring(CROSS_CHECK.length())).toList();
        if (!blocking.isEmpty()) {
            flow.paragraph("Keeping the gate red (severity ERROR, not waived): " + String.join(", ", blocking) + ".",
                    flow.fonts.bold, PageFlow.BODY, Cell.RED);
        }
    }

    private void baseline() {
        PackageContent.Baseline b = content.baseline();
        flow.section("4 Requirement baseline");
        String revisionName = switch (b.sourceKind()) {
            case "GIT" -> "Git commit";
            case "REQIF" -> "ReqIF file SHA-256";
            default -> "Folder content SHA-256";
        };
        flow.facts(List.of(fact("Baseline", b.name() + " (baseline " + b.id() + ")"),
                fact("Source", b.sourceKind() + ": " + b.location() + (b.ref() == null ? "" : " at " + b.ref())),
                List.of(Cell.bold(revisionName), Cell.mono(b.revision())),
                fact("Imported", utc(b.importedAt()) + " by " + b.importedBy()),
                fact("Requirements", b.requirements() + " (" + b.byAsil().entrySet().stream()
                        .map(e -> e.getValue() + " ASIL " + e.getKey()).collect(Collectors.joining(", ")) + ")"),
                fact("Highest ASIL", b.highestAsil())));
        flow.paragraph("The baseline is immutable: every requirement's fingerprint is in release-manifest.txt, so "
                + "the manifest digest also fixes the exact text and criteria the release was verified against.");
    }

    static List<Cell> fact(String name, String value) {
        return List.of(Cell.bold(name), Cell.of(orNone(value)));
    }

    static List<Cell> fact(Fact f) {
        return fact(f.name(), f.value());
    }
}
