package io.tracegate.approval.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ApprovalPolicy#missing} over generated rules, rounds of approvals (distinct signers, each an approver,
 * a safety manager or both) and the round's waiver signers.
 */
class ApprovalPolicyProperties {

    private static final List<String> PEOPLE = List.of("alex", "bob", "kim", "lee", "max", "sue");
    private static final String SAFETY_MANAGER = "SAFETY_MANAGER";

    @Property
    void addingAWaiverSignerNeverReducesWhatIsMissing(@ForAll("rules") ApprovalRule rule,
                                                      @ForAll("approvals") List<ApprovalPolicy.Approval> approvals,
                                                      @ForAll("people") Set<String> waiverSigners,
                                                      @ForAll("person") String oneMore, @ForAll boolean gateGreen,
                                                      @ForAll @IntRange(max = 3) int unreviewed) {
        Set<String> more = new HashSet<>(waiverSigners);
        more.add(oneMore);

        List<String> before = ApprovalPolicy.missing(rule, approvals, gateGreen, unreviewed, waiverSigners);
        List<String> after = ApprovalPolicy.missing(rule, approvals, gateGreen, unreviewed, more);

        assertThat(after).containsAll(before);
    }

    @Property
    void aRoundWhoseOnlySafetyManagersSignedWaiversIsNeverComplete(@ForAll("safetyManagerRules") ApprovalRule rule,
                                                                   @ForAll("approvals") List<ApprovalPolicy.Approval> approvals,
                                                                   @ForAll("people") Set<String> others) {
        Set<String> waiverSigners = new HashSet<>(others);
        approvals.stream().filter(a -> a.roles().contains(SAFETY_MANAGER)).map(ApprovalPolicy.Approval::signer)
                .forEach(waiverSigners::add);

        List<String> missing = ApprovalPolicy.missing(rule, approvals, true, 0, waiverSigners);

        assertThat(missing).contains(ApprovalPolicy.INDEPENDENT_SAFETY_MANAGER);
    }

    @Property
    void enoughApprovalsWithOneIndependentSafetyManagerCompleteAGreenReviewedRound(
            @ForAll("safetyManagerRules") ApprovalRule rule, @ForAll("approvals") List<ApprovalPolicy.Approval> approvals,
            @ForAll("people") Set<String> waiverSigners) {
        boolean independent = approvals.stream().anyMatch(a -> a.roles().contains(SAFETY_MANAGER)
                && !waiverSigners.contains(a.signer()));

        List<String> missing = ApprovalPolicy.missing(rule, approvals, true, 0, waiverSigners);

        assertThat(missing.isEmpty()).isEqualTo(independent && approvals.size() >= rule.approvers());
    }

    @Property
    void theOrderOfTheApprovalsDoesNotChangeWhatIsMissing(@ForAll("rules") ApprovalRule rule,
                                                          @ForAll("approvals") List<ApprovalPolicy.Approval> approvals,
                                                          @ForAll("people") Set<String> waiverSigners,
                                                          @ForAll boolean gateGreen, @ForAll Random random) {
        List<ApprovalPolicy.Approval> shuffled = new ArrayList<>(approvals);
        Collections.shuffle(shuffled, random);

        assertThat(ApprovalPolicy.missing(rule, shuffled, gateGreen, 0, waiverSigners))
                .isEqualTo(ApprovalPolicy.missing(rule, approvals, gateGreen, 0, waiverSigners));
    }

    @Provide
    Arbitrary<ApprovalRule> rules() {
        return Combinators.combine(Arbitraries.integers().between(1, 4), Arbitraries.of(true, false),
                Arbitraries.of(true, false)).as((approvers, safetyManager, reviewed) ->
                new ApprovalRule(approvers, safetyManager, true, true, reviewed));
    }

    @Provide
    Arbitrary<ApprovalRule> safetyManagerRules() {
        return Arbitraries.integers().between(1, 4).map(approvers -> new ApprovalRule(approvers, true, true, true, true));
    }

    /** A round's approvals: distinct signers, each holding the approver role, the safety-manager role, or both. */
    @Provide
    Arbitrary<List<ApprovalPolicy.Approval>> approvals() {
        Arbitrary<Set<String>> roles = Arbitraries.of("APPROVER", SAFETY_MANAGER).set().ofMinSize(1);
        return Arbitraries.of(PEOPLE).list().uniqueElements().ofMaxSize(PEOPLE.size()).flatMap(signers ->
                roles.list().ofSize(signers.size()).map(held -> {
                    List<ApprovalPolicy.Approval> round = new ArrayList<>();
                    for (int i = 0; i < signers.size(); i++) {
                        round.add(new ApprovalPolicy.Approval(signers.get(i), held.get(i)));
                    }
                    return round;
                }));
    }

    @Provide
    Arbitrary<Set<String>> people() {
        return Arbitraries.of(PEOPLE).set();
    }

    @Provide
    Arbitrary<String> person() {
        return Arbitraries.of(PEOPLE);
    }
}
