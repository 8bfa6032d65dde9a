package io.tracegate.approval.application;

import io.tracegate.evidence.domain.Evidence;
import io.tracegate.evidence.domain.ReviewState;
import io.tracegate.evidence.domain.TestOutcome;
import io.tracegate.platform.failure.Failure;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.ReleaseStatus;
import io.tracegate.requirement.domain.Asil;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Whatever anyone does, in any order (upload, review, submit, sign, waive, reopen, hand over), a release is
 * RELEASED only with a green gate and its approval rule met, and it stays so afterwards.
 */
class ReleaseLifecycleProperties {

    enum Action { PASSING_REPORT, FAILING_REPORT, ACCEPT_ALL, REJECT_ONE, SUBMIT, APPROVE_ANN, APPROVE_LEE, WAIVE_KIM,
        REOPEN, PACKAGE, HAND_OVER }

    @Property(tries = 300)
    void noSequenceOfActionsReachesReleasedWithARedGateOrAnUnmetRule(@ForAll Asil asil,
                                                                     @ForAll("actions") List<Action> actions) {
        ReviewBench bench = new ReviewBench();
        Release release = bench.release(asil, "MLR-1");
        List<Evidence> items = new ArrayList<>();
        for (Action action : actions) {
            try {
                act(bench, release, items, action);
            } catch (Failure | java.util.NoSuchElementException refused) {
                // A refusal (or, on the bench, no digest to sign yet) is an allowed outcome: what counts is the state.
            }
            if (release.status() == ReleaseStatus.RELEASED) {
                assertThat(bench.signing.trace.matrixOf(release).gate().green()).as("gate after %s", actions).isTrue();
                assertThat(bench.status(release).missing()).as("rule after %s", actions).isEmpty();
            }
        }
    }

    private static void act(ReviewBench bench, Release release, List<Evidence> items, Action action) {
        switch (action) {
            case PASSING_REPORT -> items.add(bench.testReport(release, ReviewBench.EVE, "MLR-1", TestOutcome.PASSED));
            case FAILING_REPORT -> items.add(bench.testReport(release, ReviewBench.EVE, "MLR-1", TestOutcome.FAILED));
            case ACCEPT_ALL -> items.stream().filter(e -> e.reviewState() == ReviewState.UNREVIEWED)
                    .forEach(e -> bench.reviewed(e, ReviewState.ACCEPTED));
            case REJECT_ONE -> items.stream().filter(e -> e.reviewState() == ReviewState.ACCEPTED).findFirst()
                    .ifPresent(e -> bench.reviewed(e, ReviewState.REJECTED));
            case SUBMIT -> bench.submit(release);
            case APPROVE_ANN -> bench.approve(ReviewBench.ANN, release);
            case APPROVE_LEE -> bench.approve(ReviewBench.LEE, release);
            case WAIVE_KIM -> bench.waive(ReviewBench.KIM, release, "MLR-1");
            case REOPEN -> bench.as(ReviewBench.ALICE, () -> bench.review.reopen(release.id(), "another look"));
            case PACKAGE -> bench.packages.written(release, Instant.now());
            case HAND_OVER -> bench.as(ReviewBench.KIM, () -> bench.review.handOver(release.id(), "HIL campaign"));
        }
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        return Arbitraries.of(Action.class).list().ofMinSize(20).ofMaxSize(60);
    }
}
