package io.tracegate.evidence.infrastructure.junit;

import io.tracegate.evidence.domain.EvidenceFormat;
import io.tracegate.evidence.domain.EvidenceRejected;
import io.tracegate.evidence.domain.ParsedEvidence;
import io.tracegate.evidence.domain.TestOutcome;
import io.tracegate.evidence.infrastructure.input.FileHead;
import io.tracegate.platform.xml.HardenedXml;
import jakarta.enterprise.context.ApplicationScoped;

import javax.xml.stream.XMLStreamException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * JUnit XML test reports ({@code *.xml} whose head mentions {@code <testsuite}), as written by Maven
 * Surefire/Failsafe, pytest, GoogleTest, Node's test runner, Jest and others. Outcomes: a
 * {@code <failure>} is FAILED, an {@code <error>} ERROR (the first of them decides), a {@code <skipped>}
 * or GoogleTest's {@code status="notrun"} / {@code result="skipped|suppressed"} SKIPPED, anything else
 * PASSED, including a Surefire test whose only failures are {@code <flakyFailure>}s. The suite is the
 * {@code classname} attribute, else the enclosing {@code <testsuite name>}. Parsed through
 * {@link HardenedXml}, so a DOCTYPE (and with it XXE and entity expansion) is refused.
 */
@ApplicationScoped
public class JunitXmlFormat implements EvidenceFormat {

    /** The format's name; evidence read by it is a test report, which never counts as analysis evidence. */
    public static final String NAME = "junit-xml";

    public JunitXmlFormat() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean supports(String fileName, byte[] head) {
        return FileHead.hasExtension(fileName, ".xml") && FileHead.text(head).contains("<testsuite");
    }

    @Override
    public int priority() {
        return 10;
    }

    @Override
    public ParsedEvidence read(String fileName, InputStream content) {
        JunitReportReader report = new JunitReportReader();
        try {
            report.read(content);
        } catch (XMLStreamException e) {
            throw rejected(fileName, e);
        }
        return new ParsedEvidence(name(), List.of(), report.results(), notes(report));
    }

    private static List<String> notes(JunitReportReader report) {
        List<String> notes = new ArrayList<>();
        notes.add("dialect: " + report.dialect().label());
        int total = report.results().size();
        if (total == 0) {
            notes.add("no test cases: the report is valid but ran nothing");
        } else {
            notes.add(total + " test cases: " + report.count(TestOutcome.PASSED) + " passed, "
                    + report.count(TestOutcome.FAILED) + " failed, " + report.count(TestOutcome.ERROR) + " errors, "
                    + report.count(TestOutcome.SKIPPED) + " skipped"
                    + (report.count(TestOutcome.FLAKY) > 0 ? ", " + report.count(TestOutcome.FLAKY) + " flaky" : ""));
        }
        if (report.flaky() > 0) {
            notes.add(report.flaky() + " flaky failures of tests that passed on a rerun (those tests count as FLAKY, not passed)");
        }
        if (report.unreadableTimes() > 0) {
            notes.add(report.unreadableTimes() + " test cases with an unreadable time");
        }
        Map<String, String> summary = report.summaryComments();
        if (!summary.isEmpty()) {
            notes.add("the report's summary: " + summary.entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        return notes;
    }

    private static EvidenceRejected rejected(String fileName, XMLStreamException e) {
        String where = e.getLocation() == null || e.getLocation().getLineNumber() < 0 ? ""
                : "line " + e.getLocation().getLineNumber() + ": ";
        String kind = e instanceof HardenedXml.DoctypeRefused || e instanceof HardenedXml.TextTooLong ? "refused: "
                : e instanceof JunitReportReader.Refused ? "" : "not readable as XML: ";
        return new EvidenceRejected(fileName, where + kind + messageOf(e));
    }

    /** The JDK puts the position in front of the message; it is reported separately. */
    private static String messageOf(XMLStreamException e) {
        String message = String.valueOf(e.getMessage());
        int at = message.indexOf("Message: ");
        return at < 0 ? message : message.substring(at + "Message: ".length());
    }
}
