package io.tracegate.trail.interfaces;

import io.tracegate.trail.domain.AuditChain;
import io.tracegate.trail.domain.AuditEntry;
import io.tracegate.trail.domain.AuditEvent;
import io.tracegate.trail.domain.ChainHead;
import io.tracegate.trail.domain.Chains;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code deploy/verify-audit-trail.java}, run as users run it ({@code java <file> export.jsonl}), on exports
 * written by the server's own code: it must agree with {@link AuditChain} byte for byte, on awkward text
 * too, and name the first broken event of a tampered export.
 */
class OfflineVerifierTest {

    @TempDir
    Path temp;

    /** Values that stress escaping and UTF-8: quotes, backslashes, control characters, non-BMP, separators. */
    static List<AuditEvent> awkwardChain() {
        String[] values = {"plain", "quote \" and back\\slash", "line\nbreak\r\ttab", "\u0001\u001f control",
                "Größe 😀 \u2028 \u2029 \u0085 </script>", "", null, "{\"json\": [1, 2]}", "x".repeat(3000)};
        List<AuditEvent> chain = new ArrayList<>();
        ChainHead head = ChainHead.EMPTY;
        for (int i = 0; i < values.length; i++) {
            AuditEvent event = AuditEvent.following(head, Chains.START.plusMillis(1234L * i),
                    new AuditEntry("mira " + values[(i + 1) % 6], "release.recipe", "release", "4" + i,
                            values[(i + 3) % values.length], values[i], values[(i + 5) % values.length]));
            chain.add(event);
            head = event.asHead();
        }
        return chain;
    }

    @Test
    void anIntactExportVerifiesWithTheServersHeadHash() throws Exception {
        List<AuditEvent> chain = awkwardChain();
        ChainHead head = Chains.headOf(chain);
        assertThat(AuditChain.verify(chain, head).valid()).isTrue();

        OfflineVerifier.Run run = verify(export(chain, head));

        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output().trim()).isEqualTo("OK " + chain.size() + " events, head " + head.hash());
    }

    @Test
    void anEmptyTrailVerifies() throws Exception {
        OfflineVerifier.Run run = verify(export(List.of(), ChainHead.EMPTY));
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("OK 0 events, head " + "0".repeat(64));
    }

    @Test
    void anEditedValueIsNamedByLineAndSeq() throws Exception {
        List<AuditEvent> chain = awkwardChain();
        List<String> lines = lines(chain, Chains.headOf(chain));
        // line 1 is the header, so seq 4 is on line 5
        assertThat(lines.get(4)).contains("\"seq\":4,");
        lines.set(4, lines.get(4).replace("\"after\":\"\\u0001\\u001f control\"", "\"after\":\"harmless\""));
        assertThat(lines.get(4)).contains("harmless");

        OfflineVerifier.Run run = verify(write(lines));

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("line 5 (seq 4)").contains("CONTENT_CHANGED");
    }

    @Test
    void aRemovedEventIsNamed() throws Exception {
        List<AuditEvent> chain = awkwardChain();
        List<String> lines = lines(chain, Chains.headOf(chain));
        lines.remove(6);

        OfflineVerifier.Run run = verify(write(lines));

        assertThat(run.exit()).as(run.output()).isEqualTo(1);
        assertThat(run.output()).contains("(seq 7)").contains("event 6 is missing");
    }

    @Test
    void anExportCutShortOrRewrittenAtTheEndIsRefused() throws Exception {
        List<AuditEvent> chain = awkwardChain();
        List<String> lines = lines(chain, Chains.headOf(chain));
        List<String> withoutHead = new ArrayList<>(lines.subList(0, lines.size() - 1));
        OfflineVerifier.Run cut = verify(write(withoutHead));
        assertThat(cut.exit()).as(cut.output()).isEqualTo(1);
        assertThat(cut.output()).contains("TRUNCATED");

        List<String> lastEventGone = new ArrayList<>(lines);
        lastEventGone.remove(lines.size() - 2);
        OfflineVerifier.Run truncated = verify(write(lastEventGone));
        assertThat(truncated.exit()).as(truncated.output()).isEqualTo(1);
        assertThat(truncated.output()).contains("seq " + chain.size()).contains("TRUNCATED");
    }

    @Test
    void somethingElseIsNotAnExport() throws Exception {
        OfflineVerifier.Run run = verify(write(List.of("{\"hello\": \"world\"}")));
        assertThat(run.exit()).as(run.output()).isEqualTo(2);
    }

    private Path export(List<AuditEvent> chain, ChainHead head) throws IOException {
        return write(lines(chain, head));
    }

    private static List<String> lines(List<AuditEvent> chain, ChainHead head) throws IOException {
        StringWriter out = new StringWriter();
        AuditJson.header(out);
        for (AuditEvent event : chain) {
            AuditJson.line(out, event);
        }
        AuditJson.trailer(out, head);
        return new ArrayList<>(List.of(out.toString().split("\n", -1)).subList(0, chain.size() + 2));
    }

    private Path write(List<String> lines) throws IOException {
        Path file = Files.createTempFile(temp, "export", ".jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return file;
    }

    private static OfflineVerifier.Run verify(Path export) throws Exception {
        return OfflineVerifier.run(export);
    }
}
