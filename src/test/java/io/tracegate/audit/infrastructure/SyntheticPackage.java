package io.tracegate.audit.infrastructure;

import io.tracegate.audit.domain.ChainCheck;
import io.tracegate.audit.domain.FileRole;
import io.tracegate.audit.domain.HistoryEvent;
import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.domain.PackageContent.Approval;
import io.tracegate.audit.domain.PackageContent.ArtifactLine;
import io.tracegate.audit.domain.PackageContent.CriterionLine;
import io.tracegate.audit.domain.PackageContent.EvidenceLine;
import io.tracegate.audit.domain.PackageContent.Fact;
import io.tracegate.audit.domain.PackageContent.FindingLine;
import io.tracegate.audit.domain.PackageContent.KpiCheck;
import io.tracegate.audit.domain.PackageContent.ModelLine;
import io.tracegate.audit.domain.PackageContent.RegressionLine;
import io.tracegate.audit.domain.PackageContent.SignatureLine;
import io.tracegate.audit.domain.PackageContent.TestLine;
import io.tracegate.audit.domain.PackageContent.TraceLine;
import io.tracegate.audit.domain.PackageContent.ValueLine;
import io.tracegate.audit.domain.PackageContent.WaiverLine;
import io.tracegate.audit.domain.PackageLayout;
import io.tracegate.audit.domain.SourceFile;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeMap;

/**
 * A made-up release with everything a report shows: an approved ASIL B release with two signatures (one
 * obsolete), a waiver, a failing value, derived drops, hostile file names, ONNX facts and audit events;
 * and its two stored files on disk.
 */
public final class SyntheticPackage {

    public static final String SIGNER = "Alex Approver";
    public static final Instant SIGNED_AT = Instant.parse("2026-11-20T09:15:30Z");
    public static final Instant AS_OF = Instant.parse("2026-11-21T10:00:00Z");
    public static final String RELEASE_MANIFEST = "tracegate-manifest 1\nrelease 7 front-camera-object-detector 4.2.0-int8.1\n";
    public static final String HOSTILE_NAME = "=HYPERLINK(\"http://x\") \u202Eevil.csv";

    private SyntheticPackage() {
    }

    public static PackageContent content(List<SourceFile> files) {
        SourceFile artifact = files.get(0);
        SourceFile evidence = files.get(1);
        String digest = sha256(RELEASE_MANIFEST);
        PackageContent.Summary summary = new PackageContent.Summary(7, "front-camera-object-detector", "4.2.0-int8.1",
                "INT8 PTQ build", "APPROVED", SIGNED_AT, "alex", null, 2, "mira", Instant.parse("2026-11-01T08:00:00Z"),
                "front-camera-object-detector@4.2.0 (release 6, DRAFT)", true,
                new TreeMap<>(java.util.Map.of("PASSED", 2, "WAIVED", 1)), List.of(), "B", digest, true, null, List.of(), 0);
        List<TraceLine> trace = List.of(
                new TraceLine("SG-1", "Avoid collisions with vulnerable road users", "B", List.of(), "PASSED",
                        "all 2 children passed", List.of(), "", List.of(), List.of()),
                new TraceLine("MLR-PERF-VRU-NIGHT", "Pedestrian recall at night ≥ 0.95 (ÄÖÜ, 日本)", "B", List.of("SG-1"),
                        "PASSED", "every criterion met by accepted evidence",
                        List.of(new CriterionLine("recall[class=pedestrian, set=night-hil] >= 0.95", "PASSED",
                                List.of(new ValueLine(12, "recall[class=pedestrian, set=night-hil] = 0.951", "0.951",
                                        true, true, false, "ACCEPTED"))),
                                new CriterionLine("recall_drop_vs_reference[class=pedestrian] <= 1.0 pp", "PASSED",
                                        List.of(new ValueLine(12, "recall_drop_vs_reference[class=pedestrian] = reference 0.957 - 0.951 (x100, pp)",
                                                "0.6", true, true, true, "ACCEPTED")))),
                        "3 passed, 0 failed, 0 errors, 0 skipped", List.of(12L), List.of()),
                new TraceLine("MLR-LAT-P99", "Latency p99 on Orin", "B", List.of("SG-1"), "WAIVED",
                        "waived until 2027-01-31", List.of(new CriterionLine("latency.p99_ms[target=orin] <= 30 ms",
                        "FAILED", List.of(new ValueLine(12, "latency.p99_ms[target=orin] = 31.4 ms", "31.4", false, true,
                        false, "ACCEPTED")))), "", List.of(12L), List.of()));
        List<KpiCheck> kpis = List.of(
                new KpiCheck("MLR-PERF-VRU-NIGHT", "recall[class=pedestrian, set=night-hil] >= 0.95", ">=",
                        new BigDecimal("0.95"), null, new BigDecimal("0.951"), true, true, 12),
                new KpiCheck("MLR-LAT-P99", "latency.p99_ms[target=orin] <= 30 ms", "<=", new BigDecimal("30"), "ms",
                        new BigDecimal("31.4"), false, true, 12));
        List<RegressionLine> regression = List.of(
                new RegressionLine("recall", "class=pedestrian, set=night-hil", null, new BigDecimal("0.951"),
                        new BigDecimal("0.957"), new BigDecimal("-0.006"), null, null, true),
                new RegressionLine("latency.p99_ms", "target=orin", "ms", new BigDecimal("31.4"), new BigDecimal("48.2"),
                        new BigDecimal("-16.8"), null, null, false));
        List<EvidenceLine> evidenceLines = List.of(new EvidenceLine(12, evidence.originalName(), "kpi-csv",
                evidence.sha256(), evidence.size(), evidence.path(),
                List.of(new Fact("CI system", "gitlab-ci"), new Fact("rig", "hil-rig-07")), "ci-nightly",
                Instant.parse("2026-11-10T03:40:00Z"), "ACCEPTED", "sam", Instant.parse("2026-11-10T09:00:00Z"),
                "checked against the campaign plan", List.of("MLR-PERF-VRU-NIGHT")));
        List<SignatureLine> signatures = List.of(
                new SignatureLine("Kim Manager", "kim", "APPROVE_HIL", "approved for HIL campaigns",
                        Instant.parse("2026-11-12T10:00:00Z"), 1, sha256("old"), null, true, false),
                new SignatureLine(SIGNER, "alex", "APPROVE_HIL", "approved for HIL campaigns", SIGNED_AT, 2, digest,
                        "=cmd|' /C calc'!A0", true, true));
        List<WaiverLine> waivers = List.of(new WaiverLine("MLR-LAT-P99", null, "FAILED",
                "p99 exceeds by 1.4 ms on the HIL rig only; the fleet build uses the faster clock profile.",
                Instant.parse("2027-01-31T00:00:00Z"), "kim", "Kim Manager", Instant.parse("2026-11-19T12:00:00Z"), 2, true),
                new WaiverLine(null, "calibration-sets-differ", "ERROR",
                        "The second calibration set is the first with 12 corrupt frames removed; same scales.",
                        Instant.parse("2027-01-31T00:00:00Z"), "kim", "Kim Manager",
                        Instant.parse("2026-11-19T12:05:00Z"), 2, true));
        List<HistoryEvent> events = List.of(new HistoryEvent(41, Instant.parse("2026-11-19T11:00:00Z"), "mira",
                "release.transition", "release/7", "DRAFT", "IN_REVIEW round 2", null, sha256("e41")));
        return new PackageContent(summary,
                new PackageContent.Identity(List.of(new ArtifactLine(3, artifact.originalName(), "ONNX_MODEL",
                        artifact.sha256(), artifact.size(), "application/onnx", "mira", Instant.parse("2026-11-02T08:00:00Z"),
                        artifact.path())), List.of(new ModelLine(artifact.originalName(), List.of(new Fact("IR version", "9"),
                        new Fact("opsets", "ai.onnx 17"))))),
                new PackageContent.Optimization(List.of(new Fact("precision", "INT8"), new Fact("quantization", "PTQ")),
                        List.of(new FindingLine("INFO", "qdq-present", "The graph has 120 Q/DQ nodes.", artifact.originalName()))),
                new PackageContent.Baseline(1, "requirements@abc", "GIT", "/repo", "main",
                        "0123456789abcdef0123456789abcdef01234567", Instant.parse("2026-10-30T08:00:00Z"), "sam", 3, "B",
                        new TreeMap<>(java.util.Map.of("B", 3))),
                trace, kpis, regression, latencies(kpis), evidenceLines, waivers,
                new Approval("1 approver, independent of the release's creator, all evidence reviewed, gate green (or waived)",
                        List.of(), signatures),
                new PackageContent.History(events, new ChainCheck(true, 41, 41, sha256("e41"), null)),
                AS_OF, RELEASE_MANIFEST);
    }

    /** A failure message as long as a stack trace; only its head belongs in the report, all of it in the CSV. */
    public static final String LONG_FAILURE = "expected recall >= 0.95 on night-hil but was 0.912\n"
            + "\tat hil.NightRecallTest.pedestrians(NightRecallTest.java:42)\n".repeat(12) + "END-OF-TRACE";
    public static final String HOSTILE_MESSAGE = "@SUM(1+1) harness crashed";

    /**
     * The release red because tests did not pass: a requirement whose only test was skipped ("rig offline"),
     * one whose test failed with {@link #LONG_FAILURE} and errored with {@link #HOSTILE_MESSAGE}, an
     * unwaived cross-check ERROR, and evidence naming an id the baseline lacks.
     */
    public static PackageContent withTestNotes(PackageContent base) {
        List<TraceLine> trace = new ArrayList<>(base.trace());
        trace.add(new TraceLine("MLR-HIL-RAIN", "Detection in rain on the HIL rig", "B", List.of("SG-1"), "NOT_COVERED",
                "all 1 linked test(s) skipped or flaky, none passed: SKIPPED hil.RainTest.detects (junit-hil.xml): rig offline",
                List.of(), "0 passed, 0 failed, 0 errors, 1 skipped", List.of(13L),
                List.of(new TestLine(13, "junit-hil.xml", "hil.RainTest.detects", "SKIPPED", "rig offline", null))));
        trace.add(new TraceLine("MLR-NIGHT-TEST", "Night recall test on the HIL rig", "B", List.of("SG-1"), "FAILED",
                "2 linked test(s) failed: FAILED hil.NightRecallTest.pedestrians (junit-hil.xml; passed in "
                        + "junit-rerun.xml): " + LONG_FAILURE + "; ERROR hil.NightRecallTest.cyclists (junit-hil.xml): "
                        + HOSTILE_MESSAGE,
                List.of(), "0 passed, 1 failed, 1 errors, 0 skipped; failing: hil.NightRecallTest.pedestrians",
                List.of(13L),
                List.of(new TestLine(13, "junit-hil.xml", "hil.NightRecallTest.pedestrians", "FAILED", LONG_FAILURE,
                                "junit-rerun.xml"),
                        new TestLine(13, "junit-hil.xml", "hil.NightRecallTest.cyclists", "ERROR", HOSTILE_MESSAGE, null))));
        PackageContent.Summary s = base.summary();
        PackageContent.Summary red = new PackageContent.Summary(s.releaseId(), s.model(), s.version(), s.description(),
                s.status(), s.statusChangedAt(), s.statusChangedBy(), s.statusReason(), s.reviewRound(), s.createdBy(),
                s.createdAt(), s.reference(), false, s.verdictCounts(),
                List.of("cross-check qat-without-qdq", "MLR-NIGHT-TEST", "MLR-HIL-RAIN"), s.highestAsil(),
                s.manifestDigest(), s.manifestFrozen(), s.manifestNote(),
                List.of("evidence 13 (junit-hil.xml) names MLR-GONE, which is not in the baseline"), 1);
        return new PackageContent(red, base.identity(), base.optimization(), base.baseline(), trace, base.kpis(),
                base.regression(), base.latencies(), base.evidence(), base.waivers(), base.approval(), base.history(),
                base.asOf(), base.releaseManifest());
    }

    /** A skewed distribution with a tail, checked against the p99 budget among the KPIs. */
    static List<PackageContent.LatencyChart> latencies(List<KpiCheck> kpis) {
        List<Long> bins = List.of(2L, 40L, 310L, 420L, 150L, 50L, 18L, 6L, 3L, 1L);
        return List.of(new PackageContent.LatencyChart(12, "trtexec-times-orin.json", 1000, 11.2, 33.0, 16.1, 31.4, bins,
                kpis.stream().filter(k -> k.criterion().startsWith("latency.")).toList()));
    }

    /** Writes the two stored files into {@code dir} and describes them. */
    public static List<SourceFile> files(Path dir) throws IOException {
        Path model = dir.resolve("model.onnx");
        Files.write(model, "not really onnx".repeat(100).getBytes(StandardCharsets.UTF_8));
        Path csv = dir.resolve("kpi.csv");
        Files.writeString(csv, "metric,value,unit,class\nrecall,0.951,,pedestrian\n");
        List<SourceFile> files = new ArrayList<>();
        files.add(new SourceFile(PackageLayout.artifactPath(3, "fcod-int8.onnx"), FileRole.ARTIFACT, "fcod-int8.onnx",
                model, sha256(Files.readAllBytes(model)), Files.size(model), Instant.parse("2026-11-20T08:15:31Z")));
        files.add(new SourceFile(PackageLayout.evidencePath(12, HOSTILE_NAME), FileRole.EVIDENCE, HOSTILE_NAME, csv,
                sha256(Files.readAllBytes(csv)), Files.size(csv), Instant.parse("2026-11-20T22:40:07Z")));
        return files;
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
