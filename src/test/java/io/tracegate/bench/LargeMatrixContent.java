package io.tracegate.bench;

import io.tracegate.audit.domain.PackageContent;
import io.tracegate.audit.domain.PackageContent.CriterionLine;
import io.tracegate.audit.domain.PackageContent.EvidenceLine;
import io.tracegate.audit.domain.PackageContent.Fact;
import io.tracegate.audit.domain.PackageContent.KpiCheck;
import io.tracegate.audit.domain.PackageContent.TraceLine;
import io.tracegate.audit.domain.PackageContent.ValueLine;
import io.tracegate.audit.domain.PackageLayout;
import io.tracegate.audit.infrastructure.SyntheticPackage;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The synthetic release of the unit tests with a traceability matrix of a given number of requirements
 * (fixed seed): 1 % safety goals, 10 % FSRs, the rest ML requirements with one acceptance criterion and
 * one measured value each (so as many KPI bars), a third of them with linked tests, and one evidence file
 * per ten values. Shaped like the packages the trace benchmark's release would give, at report scale.
 */
final class LargeMatrixContent {

    private LargeMatrixContent() {
    }

    static PackageContent of(int requirements, Path dir) throws Exception {
        PackageContent base = SyntheticPackage.content(SyntheticPackage.files(dir));
        SplittableRandom random = new SplittableRandom(42);
        int goals = Math.max(1, requirements / 100);
        int fsrs = Math.max(1, requirements / 10);
        List<TraceLine> trace = new ArrayList<>(requirements);
        List<KpiCheck> kpis = new ArrayList<>();
        List<EvidenceLine> evidence = new ArrayList<>();
        int evidenceCount = Math.max(1, (requirements - goals - fsrs) / 10);
        for (int e = 0; e < evidenceCount; e++) {
            long id = 1000 + e;
            String name = "kpi-eval-" + e + ".csv";
            evidence.add(new EvidenceLine(id, name, "kpi-csv", sha(random), 2_000 + random.nextInt(50_000),
                    PackageLayout.evidencePath(id, name),
                    List.of(new Fact("CI system", "gitlab-ci"), new Fact("pipeline", Integer.toString(80_000 + e)),
                            new Fact("rig", "hil-rig-0" + (e % 9))),
                    "ci-nightly", Instant.parse("2026-11-10T03:40:00Z"), "ACCEPTED", "sam",
                    Instant.parse("2026-11-10T09:00:00Z"), "checked against the campaign plan", List.of()));
        }
        for (int i = 0; i < requirements; i++) {
            String id = "REQ-" + i;
            if (i < goals) {
                trace.add(new TraceLine(id, "Safety goal " + i + ": avoid collisions with vulnerable road users", "D",
                        List.of(), "PASSED", "all children passed", List.of(), "", List.of(), List.of()));
                continue;
            }
            if (i < goals + fsrs) {
                trace.add(new TraceLine(id, "Functional safety requirement " + i + " of the perception chain", "C",
                        List.of("REQ-" + (i % goals)), "PASSED", "all children passed", List.of(),
                        i % 3 == 0 ? "4 passed, 0 failed, 0 errors, 0 skipped" : "", List.of(), List.of()));
                continue;
            }
            long evidenceId = 1000 + (i % evidenceCount);
            BigDecimal threshold = new BigDecimal("0.9" + (i % 10));
            BigDecimal measured = threshold.add(new BigDecimal(random.nextInt(-20, 60)).movePointLeft(3));
            boolean met = measured.compareTo(threshold) >= 0;
            String criterion = "recall[class=pedestrian, set=night-hil-" + (i % 40) + "] >= " + threshold;
            trace.add(new TraceLine(id, "Pedestrian recall on night HIL set " + (i % 40) + " at least " + threshold, "B",
                    List.of("REQ-" + (goals + i % fsrs)), met ? "PASSED" : "FAILED",
                    met ? "every criterion met by accepted evidence" : "a value fails a criterion",
                    List.of(new CriterionLine(criterion, met ? "PASSED" : "FAILED",
                            List.of(new ValueLine(evidenceId, "recall[class=pedestrian, set=night-hil-" + (i % 40) + "] = "
                                    + measured, measured.toPlainString(), met, true, false, "ACCEPTED")))),
                    i % 3 == 0 ? "3 passed, 0 failed, 0 errors, 0 skipped" : "", List.of(evidenceId), List.of()));
            kpis.add(new KpiCheck(id, criterion, ">=", threshold, null, measured, met, true, evidenceId));
        }
        return new PackageContent(base.summary(), base.identity(), base.optimization(), base.baseline(), trace, kpis,
                base.regression(), base.latencies(), evidence, base.waivers(), base.approval(), base.history(), base.asOf(),
                base.releaseManifest());
    }

    private static String sha(SplittableRandom random) {
        StringBuilder hex = new StringBuilder(64);
        for (int i = 0; i < 4; i++) {
            hex.append(String.format("%016x", random.nextLong()));
        }
        return hex.toString();
    }
}
