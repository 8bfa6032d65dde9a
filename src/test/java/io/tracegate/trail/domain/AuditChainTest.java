package io.tracegate.trail.domain;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditChainTest {

    @Test
    void theCanonicalFormIsLengthPrefixedUtf8InAFixedOrder() {
        byte[] canonical = AuditChain.canonical(7, "2026-11-25T14:03:07.123456Z", "mira", "model.create", "model",
                "fcod", null, "Größe \"x\"", "", AuditChain.GENESIS_HASH);

        assertThat(new String(canonical, StandardCharsets.UTF_8)).isEqualTo("tracegate-audit-v1"
                + "\n1:7\n27:2026-11-25T14:03:07.123456Z\n4:mira\n12:model.create\n5:model\n4:fcod\n-"
                + "\n11:Größe \"x\"\n0:\n64:" + "0".repeat(64));
    }

    @Test
    void theHashOfAnEventIsStableAcrossReleases() {
        // Pinned (computed with printf | sha256sum): changing the canonical form breaks every recorded chain and every offline verifier.
        String hash = AuditChain.hash(1, "2026-11-25T14:03:07.123456Z", "mira", "model.create", "model", "fcod",
                null, "{\"name\":\"fcod\"}", null, AuditChain.GENESIS_HASH);

        assertThat(hash).isEqualTo(AuditChain.sha256(("tracegate-audit-v1\n1:1\n27:2026-11-25T14:03:07.123456Z"
                + "\n4:mira\n12:model.create\n5:model\n4:fcod\n-\n15:{\"name\":\"fcod\"}\n-\n64:" + "0".repeat(64))
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(hash).isEqualTo("8ba65e411147657d0319f7effe00f12c1f40895ce8ce92d8a5427781e54e955e");
    }

    @Test
    void nullEmptyAndShiftedValuesHashDifferently() {
        String base = AuditChain.hash(1, "t", "a", "b", "c", "d", null, null, null, "p");
        assertThat(AuditChain.hash(1, "t", "a", "b", "c", "d", "", null, null, "p")).isNotEqualTo(base);
        assertThat(AuditChain.hash(1, "t", "a", "b", "c", "d", null, "", null, "p")).isNotEqualTo(base);
        // moving text from one field into its neighbour must not give the same bytes
        assertThat(AuditChain.hash(1, "t", "ab", "", "c", "d", null, null, null, "p"))
                .isNotEqualTo(AuditChain.hash(1, "t", "a", "b", "c", "d", null, null, null, "p"));
        assertThat(AuditChain.hash(1, "t", "a\n1:b", "c", "d", "e", null, null, null, "p"))
                .isNotEqualTo(AuditChain.hash(1, "t", "a", "b", "c", "d", "e", null, null, "p"));
    }

    @Test
    void timesAreUtcWithExactlySixFractionDigits() {
        assertThat(AuditChain.formatTime(Instant.parse("2026-11-25T14:03:07.123456789Z")))
                .isEqualTo("2026-11-25T14:03:07.123456Z");
        assertThat(AuditChain.formatTime(Instant.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05.000000Z");
        AuditEvent event = AuditEvent.following(ChainHead.EMPTY, Instant.parse("2026-11-25T14:03:07.123456789Z"),
                new AuditEntry("a", "b", "c", "d", null, null, null));
        assertThat(event.occurredAt()).as("stored as the database keeps it").isEqualTo("2026-11-25T14:03:07.123456Z");
        assertThat(event.computedHash()).isEqualTo(event.hash());
    }

    @Test
    void longOrUnstorableValuesAreRecordedAsTheirDigest() {
        String huge = "x".repeat(AuditValues.MAX_VALUE + 1);
        AuditEvent event = AuditEvent.following(ChainHead.EMPTY, Chains.START,
                new AuditEntry("bad\u0000name", "login.failed", "account", "\ud800", null, huge, null));
        assertThat(event.after()).isEqualTo(AuditValues.digest(huge)).startsWith("sha256:").hasSize(71);
        assertThat(event.actor()).isEqualTo(AuditValues.digest("bad\u0000name"));
        assertThat(event.subjectId()).startsWith("sha256:");
        assertThat(AuditValues.bounded("kept 😀 as is", 20)).isEqualTo("kept 😀 as is");
        assertThat(AuditValues.bounded("x".repeat(AuditValues.MAX_VALUE), AuditValues.MAX_VALUE))
                .hasSize(AuditValues.MAX_VALUE);
    }

    @Test
    void anIntactChainIsValidAndEndsAtItsHead() {
        List<AuditEvent> chain = Chains.of(10);
        ChainVerification outcome = AuditChain.verify(chain, Chains.headOf(chain));
        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.events()).isEqualTo(10);
        assertThat(outcome.head()).isEqualTo(chain.get(9).hash());
        assertThat(chain.get(0).previousHash()).isEqualTo(AuditChain.GENESIS_HASH);
        assertThat(chain.get(5).previousHash()).isEqualTo(chain.get(4).hash());
    }

    @Test
    void anEmptyChainIsValid() {
        ChainVerification outcome = AuditChain.verify(List.of(), ChainHead.EMPTY);
        assertThat(outcome.valid()).isTrue();
        assertThat(outcome.head()).isEqualTo(AuditChain.GENESIS_HASH);
    }

    @Test
    void anEditedValueNamesThatEvent() {
        List<AuditEvent> chain = new ArrayList<>(Chains.of(10));
        chain.set(3, Chains.withAfter(chain.get(3), "APPROVED"));
        chain.set(6, Chains.withAfter(chain.get(6), "APPROVED"));

        assertBroken(chain, Chains.headOf(Chains.of(10)), 4, ChainBreak.Problem.CONTENT_CHANGED);
    }

    @Test
    void anEditedAndRehashedEventIsCaughtByItsSuccessor() {
        List<AuditEvent> chain = new ArrayList<>(Chains.of(10));
        AuditEvent edited = Chains.withAfter(chain.get(3), "APPROVED");
        chain.set(3, Chains.rehashed(edited, 4, edited.previousHash()));

        assertBroken(chain, Chains.headOf(Chains.of(10)), 5, ChainBreak.Problem.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void aDeletedEventIsNamedAsMissing() {
        List<AuditEvent> chain = new ArrayList<>(Chains.of(10));
        chain.remove(4);
        ChainBreak broken = assertBroken(chain, Chains.headOf(chain), 5, ChainBreak.Problem.SEQ_GAP);
        assertThat(broken.detail()).contains("event 5 is missing");
    }

    @Test
    void deletedAndRenumberedEventsBreakTheLinks() {
        List<AuditEvent> chain = new ArrayList<>(Chains.of(10));
        chain.remove(4);
        for (int i = 4; i < chain.size(); i++) {
            chain.set(i, Chains.withSeq(chain.get(i), i + 1));
        }
        assertBroken(chain, Chains.headOf(chain), 5, ChainBreak.Problem.CONTENT_CHANGED);
    }

    @Test
    void swappedEventsNameTheFirstOfThem() {
        List<AuditEvent> chain = new ArrayList<>(Chains.of(10));
        AuditEvent third = chain.get(2);
        AuditEvent fourth = chain.get(3);
        chain.set(2, Chains.withSeq(fourth, 3));
        chain.set(3, Chains.withSeq(third, 4));
        assertBroken(chain, Chains.headOf(Chains.of(10)), 3, ChainBreak.Problem.CONTENT_CHANGED);

        // a forger who recomputes the swapped events' hashes still breaks the link of the first of them
        List<AuditEvent> rehashed = new ArrayList<>(Chains.of(10));
        rehashed.set(2, Chains.rehashed(fourth, 3, fourth.previousHash()));
        assertBroken(rehashed, Chains.headOf(Chains.of(10)), 3, ChainBreak.Problem.PREVIOUS_HASH_MISMATCH);
    }

    @Test
    void eventsOutOfOrderAreNamed() {
        List<AuditEvent> chain = new ArrayList<>(Chains.of(10));
        Collections.swap(chain, 6, 7);
        assertBroken(chain, Chains.headOf(Chains.of(10)), 7, ChainBreak.Problem.SEQ_GAP);

        List<AuditEvent> duplicated = new ArrayList<>(Chains.of(10));
        duplicated.add(5, duplicated.get(4));
        assertBroken(duplicated, Chains.headOf(Chains.of(10)), 5, ChainBreak.Problem.SEQ_OUT_OF_ORDER);
    }

    @Test
    void eventsCutOffAtTheEndAreFoundThroughTheHead() {
        List<AuditEvent> full = Chains.of(10);
        List<AuditEvent> truncated = full.subList(0, 7);
        ChainBreak broken = assertBroken(truncated, Chains.headOf(full), 8, ChainBreak.Problem.TRUNCATED);
        assertThat(broken.detail()).contains("8 to 10");
    }

    @Test
    void aRewrittenEndOfTheChainDiffersFromTheHead() {
        List<AuditEvent> chain = new ArrayList<>(Chains.of(10));
        AuditEvent last = Chains.withAfter(chain.get(9), "RELEASED");
        chain.set(9, Chains.rehashed(last, 10, last.previousHash()));
        assertBroken(chain, Chains.headOf(Chains.of(10)), 10, ChainBreak.Problem.HEAD_MISMATCH);
    }

    @Test
    void anInsertedEventIsFound() {
        // in the middle: the forger renumbers what follows, whose hashes then no longer match
        List<AuditEvent> original = Chains.of(10);
        List<AuditEvent> chain = new ArrayList<>(original.subList(0, 5));
        AuditEvent forged = AuditEvent.following(chain.get(4).asHead(), Chains.START.plusSeconds(5),
                new AuditEntry("alex", "release.signature", "release", "41", null, "APPROVED", "forged"));
        chain.add(forged);
        for (AuditEvent later : original.subList(5, 10)) {
            chain.add(Chains.withSeq(later, later.seq() + 1));
        }
        assertBroken(chain, Chains.headOf(original), 7, ChainBreak.Problem.CONTENT_CHANGED);

        // at the end, chained properly but without moving the head
        List<AuditEvent> appended = new ArrayList<>(original);
        appended.add(AuditEvent.following(Chains.headOf(original), Chains.START.plusSeconds(60),
                new AuditEntry("alex", "release.signature", "release", "41", null, "APPROVED", "forged")));
        assertBroken(appended, Chains.headOf(original), 11, ChainBreak.Problem.BEYOND_HEAD);
    }

    @Test
    void verificationStopsAtTheFirstBreak() {
        List<AuditEvent> chain = new ArrayList<>(Chains.of(10));
        chain.set(1, Chains.withAfter(chain.get(1), "edited"));
        ChainVerifier verifier = AuditChain.verifier();
        assertThat(verifier.accept(chain.get(0))).isTrue();
        assertThat(verifier.accept(chain.get(1))).isFalse();
        assertThat(verifier.accept(chain.get(2))).isFalse();
        ChainVerification outcome = verifier.finish(Chains.headOf(Chains.of(10)));
        assertThat(outcome.events()).isEqualTo(2);
        assertThat(outcome.firstBroken()).hasValueSatisfying(b -> assertThat(b.seq()).isEqualTo(2));
    }

    private static ChainBreak assertBroken(List<AuditEvent> chain, ChainHead head, long seq, ChainBreak.Problem problem) {
        ChainVerification outcome = AuditChain.verify(chain, head);
        assertThat(outcome.valid()).isFalse();
        ChainBreak broken = outcome.firstBroken().orElseThrow();
        assertThat(broken.seq()).as(broken.detail()).isEqualTo(seq);
        assertThat(broken.problem()).as(broken.detail()).isEqualTo(problem);
        return broken;
    }
}
