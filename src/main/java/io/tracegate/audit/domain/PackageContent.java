package io.tracegate.audit.domain;

import io.tracegate.trail.domain.ReleaseHistory.History;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;

/**
 * Everything an audit package says about one release, as plain values: the application layer reads it from
 * the release, baseline, evidence, trace and approval models once, and the report, the traceability CSV and
 * manifest.json are rendered from it alone. So rendering is testable without a server, and one package
 * never mixes two states of a release.
 *
 * @param asOf            the time of the newest fact in the package (a status change, signature, upload,
 *                        review or audit event): the package's timestamps, so the same state gives the same
 *                        bytes
 * @param releaseManifest the canonical release manifest text whose SHA-256 is the manifest digest
 */
public record PackageContent(Summary summary, Identity identity, Optimization optimization, Baseline baseline,
                             List<TraceLine> trace, List<KpiCheck> kpis, List<RegressionLine> regression,
                             List<LatencyChart> latencies, List<EvidenceLine> evidence, List<WaiverLine> waivers, Approval approval,
                             History history, Instant asOf, String releaseManifest) {

    public PackageContent {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(releaseManifest, "releaseManifest");
        trace = List.copyOf(trace);
        kpis = List.copyOf(kpis);
        regression = List.copyOf(regression);
        latencies = List.copyOf(latencies);
        evidence = List.copyOf(evidence);
        waivers = List.copyOf(waivers);
    }

    /**
     * Why a package of this content could not hold exactly {@code files}, or empty when it can: the content lists
     * the artifacts, then the evidence, each with its place in the package and SHA-256, and so must the files, in
     * the same order. The stored files are read before the content, in a transaction of their own; a file added
     * in between would otherwise be listed in the report but missing from the ZIP, or the other way round.
     */
    public Optional<String> storedFilesDifferFrom(List<SourceFile> files) {
        List<String> listed = new ArrayList<>(identity.artifacts().size() + evidence.size());
        identity.artifacts().forEach(a -> listed.add(a.path() + " " + a.sha256()));
        evidence.forEach(e -> listed.add(e.path() + " " + e.sha256()));
        List<String> stored = files.stream().map(f -> f.path() + " " + f.sha256()).toList();
        if (listed.equals(stored)) {
            return Optional.empty();
        }
        int at = 0;
        while (at < listed.size() && at < stored.size() && listed.get(at).equals(stored.get(at))) {
            at++;
        }
        String first = at < listed.size() ? listed.get(at).split(" ")[0] : stored.get(at).split(" ")[0];
        return Optional.of("the release's stored files changed while its package was being written (" + listed.size()
                + " listed now, " + stored.size() + " when writing began; first difference at " + first
                + "): ask for the package again");
    }

    /** A named value, for key/value tables (recipe, ONNX facts, provenance). */
    public record Fact(String name, String value) {
    }

    /**
     * @param manifestFrozen false for a DRAFT: the digest is what submitting now would freeze
     * @param manifestNote   a warning when the content no longer matches the frozen digest; null when it does
     * @param blocking       what keeps the gate red: "cross-check <code>" for an unwaived ERROR finding, then
     *                       requirement ids
     * @param traceWarnings  ids named by evidence that are not in the baseline, in words (the first of them)
     * @param traceWarningCount how many such ids there are in all
     */
    public record Summary(long releaseId, String model, String version, String description, String status,
                          Instant statusChangedAt, String statusChangedBy, String statusReason, int reviewRound,
                          String createdBy, Instant createdAt, String reference, boolean gateGreen,
                          SortedMap<String, Integer> verdictCounts, List<String> blocking, String highestAsil,
                          String manifestDigest, boolean manifestFrozen, String manifestNote,
                          List<String> traceWarnings, int traceWarningCount) {

        public Summary {
            blocking = List.copyOf(blocking);
            traceWarnings = List.copyOf(traceWarnings);
        }
    }

    public record Identity(List<ArtifactLine> artifacts, List<ModelLine> models) {
    }

    /** @param path where the file lies in the package */
    public record ArtifactLine(long id, String fileName, String kind, String sha256, long size, String mediaType,
                               String uploadedBy, Instant uploadedAt, String path) {
    }

    /** The ONNX facts of one model artifact, or why they could not be read (a fact named "error"). */
    public record ModelLine(String artifact, List<Fact> facts) {
    }

    /** @param recipe empty when the release has no recipe */
    public record Optimization(List<Fact> recipe, List<FindingLine> findings) {
    }

    /** @param artifact the ONNX artifact the finding is about; null for findings about the release */
    public record FindingLine(String severity, String code, String message, String artifact) {
    }

    /** @param revision the Git commit, or the ReqIF file's SHA-256 */
    public record Baseline(long id, String name, String sourceKind, String location, String ref, String revision,
                           Instant importedAt, String importedBy, int requirements, String highestAsil,
                           SortedMap<String, Integer> byAsil) {
    }

    /**
     * One requirement's row of the trace matrix.
     *
     * @param notes the linked tests that did not pass, failures first (at most a few per requirement)
     */
    public record TraceLine(String requirement, String title, String asil, List<String> parents, String verdict,
                            String reason, List<CriterionLine> criteria, String tests, List<Long> evidence,
                            List<TestLine> notes) {

        public TraceLine {
            notes = List.copyOf(notes);
        }
    }

    /**
     * A linked test that did not pass, and why: what an assessor needs beside a verdict that tests decided.
     *
     * @param outcome  FAILED, ERROR, FLAKY or SKIPPED
     * @param message  the failure, error or skip message in full, as the test report gave it; null when it gave none
     * @param passedIn another evidence file in which the same test passed; null when there is none
     */
    public record TestLine(long evidenceId, String file, String test, String outcome, String message,
                           String passedIn) {
    }

    public record CriterionLine(String criterion, String verdict, List<ValueLine> values) {
    }

    /**
     * @param counts  whether the value may make the criterion pass (false: awaiting the review the ASIL needs)
     * @param review  the review state of the evidence the value comes from
     */
    public record ValueLine(long evidenceId, String metric, String value, boolean met, boolean counts,
                            boolean derived, String review) {
    }

    /** One measured value against its criterion's threshold, for the KPI charts. */
    public record KpiCheck(String requirement, String criterion, String comparator, BigDecimal threshold, String unit,
                           BigDecimal measured, boolean met, boolean counts, long evidenceId) {
    }

    /**
     * The latency distribution of one trtexec timing file: equal-width bins from {@code min} to {@code max},
     * the median and p99, and the latency criteria its values were checked against.
     */
    public record LatencyChart(long evidenceId, String fileName, long count, double min, double max, double p50,
                               double p99, List<Long> bins, List<KpiCheck> budgets) {

        public LatencyChart {
            bins = List.copyOf(bins);
            budgets = List.copyOf(budgets);
        }
    }

    /** @param allowed null when no criterion of the baseline applies to the metric */
    public record RegressionLine(String metric, String scope, String unit, BigDecimal value, BigDecimal reference,
                                 BigDecimal deltaVsReference, BigDecimal previous, BigDecimal deltaVsPrevious,
                                 Boolean allowed) {
    }

    /** @param reviewedBy null while unreviewed */
    public record EvidenceLine(long id, String fileName, String format, String sha256, long size, String path,
                               List<Fact> provenance, String uploadedBy, Instant uploadedAt, String review,
                               String reviewedBy, Instant reviewedAt, String reviewComment,
                               List<String> requirements) {
    }

    /**
     * @param requirement   the requirement waived, or null for a finding waiver
     * @param finding       the cross-check finding code waived, or null for a requirement waiver
     * @param verdictWaived the requirement's verdict when waived, or ERROR for a finding
     */
    public record WaiverLine(String requirement, String finding, String verdictWaived, String justification,
                             Instant expiresAt, String signer, String printedName, Instant signedAt, int round,
                             boolean valid) {

        /** What was waived, in the report's words. */
        public String subject() {
            return requirement != null ? requirement : "finding " + finding;
        }
    }

    /** An electronic signature as Part 11 §11.50 wants it shown: printed name, UTC time, meaning. */
    public record SignatureLine(String printedName, String signer, String meaning, String meaningInWords,
                                Instant signedAt, int round, String manifestDigest, String comment,
                                boolean gateGreen, boolean current) {
    }

    /** @param missing what still keeps the release from APPROVED, in words */
    public record Approval(String rule, List<String> missing, List<SignatureLine> signatures) {
    }
}
