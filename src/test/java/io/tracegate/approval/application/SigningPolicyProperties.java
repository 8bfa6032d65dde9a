package io.tracegate.approval.application;

import io.tracegate.evidence.domain.ReviewState;
import io.tracegate.evidence.domain.TestOutcome;
import io.tracegate.platform.failure.Conflict;
import io.tracegate.platform.failure.NotPermitted;
import io.tracegate.release.domain.Release;
import io.tracegate.release.domain.ReleaseStatus;
import io.tracegate.requirement.domain.Asil;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.List;
import java.util.Set;

import static io.tracegate.platform.security.Roles.APPROVER;
import static io.tracegate.platform.security.Roles.ML_ENGINEER;
import static io.tracegate.platform.security.Roles.SAFETY_MANAGER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The set rules of signing, through {@link Signing} on the fakes, against expectations written out plainly here:
 * who may sign (independence), and when a round's approvals complete an ASIL C/D release (two approvers, one of
 * them a safety manager who signed no waiver in the round).
 */
class SigningPolicyProperties {

    /** Each may create, upload and sign: the rules, not the roles, decide. */
    private static final List<String> CREW = List.of("pia", "quinn", "ravi", "sol");
    private static final List<String> APPROVERS_ONLY = List.of(ReviewBench.ANN, ReviewBench.BOB);
    private static final List<String> MANAGERS = List.of(ReviewBench.KIM, ReviewBench.LEE);

    @Property(tries = 300)
    void aSignerIsRefusedExactlyWhenTheyCreatedTheReleaseOrFedAnAsilCOrDRelease(
            @ForAll Asil asil, @ForAll("crewMember") String creator, @ForAll("crew") Set<String> artifactUploaders,
            @ForAll("crew") Set<String> evidenceUploaders, @ForAll("crewMember") String signer) {
        ReviewBench bench = new ReviewBench();
        CREW.forEach(p -> bench.person(p, ML_ENGINEER, APPROVER, SAFETY_MANAGER));
        Release release = bench.release(creator, asil, "MLR-1");
        bench.passes(release, "MLR-1");
        artifactUploaders.forEach(u -> bench.artifact(release, u));
        evidenceUploaders.forEach(u -> bench.reviewed(bench.testReport(release, u, "MLR-1", TestOutcome.PASSED),
                ReviewState.ACCEPTED));
        bench.submit(release);

        boolean high = asil == Asil.C || asil == Asil.D;
        boolean fed = artifactUploaders.contains(signer) || evidenceUploaders.contains(signer);
        boolean mayNotSign = signer.equals(creator) || high && fed;

        if (mayNotSign) {
            assertThatThrownBy(() -> bench.approve(signer, release)).isInstanceOf(NotPermitted.class);
            assertThat(bench.signatures.ofRelease(release.id())).isEmpty();
        } else {
            bench.approve(signer, release);
            assertThat(bench.signatures.ofRelease(release.id())).singleElement()
                    .satisfies(s -> assertThat(s.signer()).isEqualTo(signer));
        }
    }

    @Property(tries = 300)
    void anAsilCOrDRoundIsApprovedExactlyWhenTwoSignedAndOneOfThemIsASafetyManagerWhoWaivedNothing(
            @ForAll("highAsil") Asil asil, @ForAll("waiverSigners") Set<String> waived,
            @ForAll("signingOrder") List<String> order) {
        ReviewBench bench = new ReviewBench();
        Release release = bench.release(asil, "MLR-DAY", "MLR-NIGHT", "MLR-RAIN");
        bench.passes(release, "MLR-DAY");
        List<String> red = List.of("MLR-NIGHT", "MLR-RAIN");
        if (waived.isEmpty()) {
            red.forEach(r -> bench.passes(release, r));
        }
        bench.submit(release);
        List<String> waivers = List.copyOf(waived);
        for (int i = 0; i < red.size() && !waivers.isEmpty(); i++) {
            bench.waive(waivers.get(i % waivers.size()), release, red.get(i));
        }

        int signed = 0;
        boolean independentManager = false;
        boolean approved = false;
        for (String signer : order) {
            if (approved) {
                assertThatThrownBy(() -> bench.approve(signer, release)).isInstanceOf(Conflict.class);
                continue;
            }
            bench.approve(signer, release);
            signed++;
            independentManager |= MANAGERS.contains(signer) && !waived.contains(signer);
            approved = signed >= 2 && independentManager;
            assertThat(release.status()).as("after %s of %s", signer, order)
                    .isEqualTo(approved ? ReleaseStatus.APPROVED : ReleaseStatus.IN_REVIEW);
        }
        assertThat(bench.approvals.fired()).hasSize(approved ? 1 : 0);
    }

    @Provide
    Arbitrary<String> crewMember() {
        return Arbitraries.of(CREW);
    }

    @Provide
    Arbitrary<Set<String>> crew() {
        return Arbitraries.of(CREW).set().ofMaxSize(CREW.size());
    }

    @Provide
    Arbitrary<Asil> highAsil() {
        return Arbitraries.of(Asil.C, Asil.D);
    }

    @Provide
    Arbitrary<Set<String>> waiverSigners() {
        return Arbitraries.of(MANAGERS).set().ofMaxSize(2);
    }

    /** Distinct signers, approvers and safety managers, in any order. */
    @Provide
    Arbitrary<List<String>> signingOrder() {
        return Arbitraries.of(List.of(APPROVERS_ONLY.get(0), APPROVERS_ONLY.get(1), MANAGERS.get(0), MANAGERS.get(1)))
                .list().uniqueElements().ofMinSize(1).ofMaxSize(4);
    }
}
