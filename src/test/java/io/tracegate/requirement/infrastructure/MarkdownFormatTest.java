package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.RequirementDraft;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkdownFormatTest {

    private final MarkdownFormat format = new MarkdownFormat();

    private List<RequirementDraft> read(String path, String content) {
        return format.read(path, new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), "v1");
    }

    @Test
    void readsEveryFieldOfARequirementFile() {
        RequirementDraft draft = read("perception/MLR-LAT.md", """
                ---
                id: MLR-LAT
                title: Detection latency on the target
                asil: ASIL B
                kind: timing
                parents: [TSR-01, TSR-02]
                verification: {method: hil, level: ml-model}
                criteria:
                  - latency.p99_ms[target=orin] <= 30 ms
                  - latency.mean_ms[target=orin] <= 18 ms
                ---
                The AEB function budget leaves 30 ms for perception.
                """).get(0);
        assertThat(draft.id().value()).isEqualTo("MLR-LAT");
        assertThat(draft.asil().name()).isEqualTo("B");
        assertThat(draft.kind().slug()).isEqualTo("timing");
        assertThat(draft.parents()).extracting(p -> p.value()).containsExactly("TSR-01", "TSR-02");
        assertThat(draft.verification().method()).isEqualTo("HIL");
        assertThat(draft.criteria()).extracting(Object::toString)
                .containsExactly("latency.p99_ms[target=orin] <= 30 ms", "latency.mean_ms[target=orin] <= 18 ms");
        assertThat(draft.text()).isEqualTo("The AEB function budget leaves 30 ms for perception.");
    }

    @Test
    void aFileWithoutFrontMatterIsNotARequirement() {
        assertThat(read("README.md", "# Requirements\n")).isEmpty();
    }

    @Test
    void problemsNameTheFileAndTheLine() {
        assertThatThrownBy(() -> read("X-1.md", "---\nid: X-1\ntitle: t\nasil: B\nkind: timing\ncriteria: [\"recall >> 3\"]\n---\n"))
                .isInstanceOf(BaselineRejected.class).hasMessageContaining("X-1.md:6").hasMessageContaining("recall >> 3");
        assertThatThrownBy(() -> read("X-2.md", "---\nid: X-2\ntitle: t\nasil: B\nkind: timing\ncolour: red\n---\n"))
                .isInstanceOf(BaselineRejected.class).hasMessageContaining("X-2.md:6").hasMessageContaining("colour");
        assertThatThrownBy(() -> read("X-3.md", "---\nid: X-3\nid: X-3\n---\n"))
                .isInstanceOf(BaselineRejected.class).hasMessageContaining("X-3.md:").hasMessageContaining("malformed YAML");
        assertThatThrownBy(() -> read("X-4.md", "---\nid: OTHER\ntitle: t\nasil: B\nkind: timing\n---\n"))
                .isInstanceOf(BaselineRejected.class).hasMessageContaining("X-4.md:2").hasMessageContaining("must match");
        assertThatThrownBy(() -> read("X-5.md", "---\nid: X-5\ntitle: t\n"))
                .isInstanceOf(BaselineRejected.class).hasMessageContaining("never closed");
    }

    @Test
    void yamlTagsAndAliasBombsAreNotInterpreted() {
        String tag = "---\nid: X-6\ntitle: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://127.0.0.1:1/\"]]]]\nasil: B\nkind: timing\n---\n";
        assertThatThrownBy(() -> read("X-6.md", tag)).isInstanceOf(BaselineRejected.class);
        StringBuilder bomb = new StringBuilder("---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (char c = 'b'; c <= 'j'; c++) {
            char p = (char) (c - 1);
            bomb.append(c).append(": &").append(c).append(" [*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append(",*").append(p).append(",*").append(p)
                    .append(",*").append(p).append(",*").append(p).append("]\n");
        }
        bomb.append("---\n");
        assertThatThrownBy(() -> read("X-7.md", bomb.toString())).isInstanceOf(BaselineRejected.class);
    }

    @Test
    void aFileOverTheLimitIsRefusedWhetherOrNotItsStreamAnnouncesItsSize() {
        byte[] huge = ("---\nid: HUGE\n---\n" + "x".repeat(MarkdownFormat.MAX_BYTES)).getBytes(StandardCharsets.UTF_8);
        byte[] exact = ("---\nid: EXACT\n---\n").getBytes(StandardCharsets.UTF_8);
        java.util.function.Function<byte[], java.io.InputStream> silent = bytes -> new java.io.FilterInputStream(
                new ByteArrayInputStream(bytes)) {
            @Override
            public int available() {
                return 0; // like a network stream: no size announced
            }
        };
        for (java.io.InputStream content : List.of(new ByteArrayInputStream(huge), silent.apply(huge))) {
            assertThatThrownBy(() -> format.read("HUGE.md", content, "v1"))
                    .isInstanceOf(BaselineRejected.class).hasMessageContaining("HUGE.md").hasMessageContaining("larger than");
        }
        byte[] limit = java.util.Arrays.copyOf(exact, MarkdownFormat.MAX_BYTES);
        java.util.Arrays.fill(limit, exact.length, limit.length, (byte) 'x');
        for (java.io.InputStream content : List.of(new ByteArrayInputStream(limit), silent.apply(limit))) {
            assertThatThrownBy(() -> format.read("EXACT.md", content, "v1")).as("exactly at the limit: read, then judged")
                    .isInstanceOf(BaselineRejected.class).hasMessageNotContaining("larger than");
        }
    }

    /** Issue 15 item 7: 5,000 levels overflowed SnakeYAML's recursive composer (StackOverflowError, 500). */
    @Test
    void frontMatterNestedFiveThousandLevelsDeepIsRefusedNamingTheLineInBoundedTime() {
        String flow = "---\nid: A-1\nparents: " + "[".repeat(5000) + "]".repeat(5000) + "\n---\n";
        // block sequences nest on one line: "- - - x" is a list in a list in a list
        String block = "---\nid: A-1\nparents:\n  " + "- ".repeat(5000) + "x\n---\n";

        for (String deep : List.of(flow, block)) {
            assertThatThrownBy(() -> org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
                    java.time.Duration.ofSeconds(10), () -> read("A-1.md", deep)))
                    .isInstanceOfSatisfying(BaselineRejected.class, e -> assertThat(e.problems()).singleElement()
                            .satisfies(problem -> {
                                assertThat(problem.file()).isEqualTo("A-1.md");
                                assertThat(problem.line()).isBetween(3, 70);
                                assertThat(problem.message()).contains("nested deeper than 64 levels");
                            }));
        }
    }
}
