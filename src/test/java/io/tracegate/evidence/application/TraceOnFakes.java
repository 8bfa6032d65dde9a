package io.tracegate.evidence.application;

import io.tracegate.evidence.domain.EvidenceItems;
import io.tracegate.evidence.domain.ModelInspector;
import io.tracegate.evidence.domain.Waivers;
import io.tracegate.release.domain.Artifacts;
import io.tracegate.release.domain.Releases;
import io.tracegate.requirement.domain.RequirementBaselines;

/**
 * The real trace and cross-check beans, wired by hand over whatever ports a test hands in (their fields are
 * package-private and injected by the container). Signing asks them for the gate and the findings; with fakes
 * under them, a waiver a test signs turns a requirement WAIVED the way it does in production.
 */
public final class TraceOnFakes {

    private TraceOnFakes() {
    }

    public static ReleaseCrossCheck crossCheck(Releases releases, Artifacts artifacts, EvidenceItems items,
                                               ModelInspector inspector) {
        ReleaseCrossCheck crossCheck = new ReleaseCrossCheck();
        crossCheck.releases = releases;
        crossCheck.artifacts = artifacts;
        crossCheck.evidence = items;
        crossCheck.inspector = inspector;
        return crossCheck;
    }

    public static ReleaseTrace trace(Releases releases, RequirementBaselines baselines, EvidenceItems items,
                                     Waivers waivers, ReleaseCrossCheck crossCheck) {
        ReleaseTrace trace = new ReleaseTrace();
        trace.releases = releases;
        trace.baselines = baselines;
        trace.items = items;
        trace.waivers = waivers;
        trace.crossCheck = crossCheck;
        return trace;
    }
}
