package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.Asil;
import io.tracegate.requirement.domain.BaselineSource;
import io.tracegate.requirement.domain.RequirementBaseline;
import io.tracegate.requirement.domain.RequirementDraft;
import io.tracegate.requirement.domain.RequirementKind;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The example project in requirements/ is what the demo and the tour load: it must be a valid baseline. */
class ExampleRequirementsTest {

    @Test
    void theExampleRequirementsFormAValidBaselineWithCriteriaOnEveryMlRequirement() throws Exception {
        Path root = Path.of("requirements");
        MarkdownFormat format = new MarkdownFormat();
        List<RequirementDraft> drafts = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    drafts.addAll(format.read(root.relativize(file).toString().replace('\\', '/'), in, "test"));
                }
            }
        }
        RequirementBaseline baseline = RequirementBaseline.freeze("example", BaselineSource.git("requirements", "main",
                "0".repeat(40)), drafts, "test", Instant.now());

        assertThat(baseline.size()).isBetween(30, 60);
        assertThat(baseline.requirements()).filteredOn(r -> r.kind() == RequirementKind.SAFETY_GOAL).hasSizeBetween(2, 3);
        assertThat(baseline.requirements()).filteredOn(r -> r.kind() == RequirementKind.ML_PERFORMANCE
                || r.kind() == RequirementKind.ML_DEGRADATION || r.kind() == RequirementKind.TIMING)
                .allSatisfy(r -> assertThat(r.criteria()).as(r.id().value()).isNotEmpty());
        assertThat(baseline.highestAsil()).isEqualTo(Asil.D);
    }
}
