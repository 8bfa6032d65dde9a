package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.ImportProblem;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 15 item 6: one 250 MiB ReqIF whose single attribute value was the whole file ran the server out of
 * memory, because the XML parser gathers an attribute value, a CDATA section or a comment whole before it
 * reports it. Every text value is now bounded while streaming, and the file is refused naming the element
 * and where it starts. The hostile files are generated as streams, never held in memory or in the repository.
 */
class ReqifTextBoundTest {

    private static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    @Test
    void aQuarterGibibyteAttributeValueIsRefusedNamingItsElementAndLineInBoundedTime() {
        long size = 250L << 20;
        InputStream file = ReqifDocuments.hugeValue("      <ATTRIBUTE-VALUE-STRING THE-VALUE=\"", size, "\"/>\n");

        BaselineRejected refused = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> catchThrowableOfType(() -> new ReqifFormat().read("huge.reqif", file, SHA), BaselineRejected.class));

        assertThat(refused).as("refused, not read").isNotNull();
        assertThat(refused.problems()).singleElement().satisfies(problem -> {
            assertThat(problem.file()).isEqualTo("huge.reqif");
            assertThat(problem.line()).as("the line the element starts on").isEqualTo(5);
            assertThat(problem.message()).contains("<ATTRIBUTE-VALUE-STRING>", "column 7", "attribute value",
                    "1048576 characters", "tracegate.xml.max-text-chars");
        });
    }

    @Test
    void aSmallLimitRefusesALongCdataSectionInsideXhtmlNamingItsElement() {
        ReqifFormat format = new ReqifFormat(ReqifMapping.defaults(), 1024);
        InputStream file = ReqifDocuments.hugeValue("      <ATTRIBUTE-VALUE-XHTML><THE-VALUE><xhtml:div><![CDATA[", 4096,
                "]]></xhtml:div></THE-VALUE></ATTRIBUTE-VALUE-XHTML>\n");

        BaselineRejected refused = catchThrowableOfType(() -> format.read("long.reqif", file, SHA), BaselineRejected.class);

        assertThat(refused.problems()).extracting(ImportProblem::message).singleElement().asString()
                .contains("<div>", "text", "1024 characters");
    }

    @Test
    void valuesWithinTheLimitAreReadAsBefore() {
        ReqifFormat format = new ReqifFormat(ReqifMapping.defaults(), 1 << 20);
        String doors = ReqifDocuments.doorsExport();

        assertThat(ReqifFormatTest.read(format, "doors.reqif", doors)).isNotEmpty();
    }
}
