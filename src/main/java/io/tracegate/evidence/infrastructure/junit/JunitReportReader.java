package io.tracegate.evidence.infrastructure.junit;

import io.tracegate.evidence.domain.TestOutcome;
import io.tracegate.evidence.domain.TestResult;
import io.tracegate.platform.xml.HardenedXml;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams one JUnit XML report into test results, in one pass without a DOM, tolerant of every dialect
 * in use (see {@link JunitXmlFormat}) because it only looks for the elements they share: any
 * {@code <testcase>} under any nesting of {@code <testsuite>}s, and in it {@code <failure>},
 * {@code <error>}, {@code <skipped>} and {@code <properties>}. Elements it does not know, including
 * {@code <system-out>}, are stepped over without keeping their text.
 */
final class JunitReportReader {

    static final int MAX_CASES = 1_000_000;
    static final int MAX_DEPTH = 64;
    static final int MAX_NAME = 1000;
    static final int MAX_PROPERTIES = 100;

    /** Node's test runner ends its report with comments such as {@code <!-- tests 5 -->}. */
    private static final Pattern SUMMARY_COMMENT = Pattern.compile(
            "\\s*(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms)\\s+([0-9.]+)\\s*");
    /** Old Surefire versions formatted times with the locale: {@code time="1,234.567"}. */
    private static final Pattern GROUPED = Pattern.compile("\\d{1,3}(,\\d{3})+(\\.\\d+)?");

    /** A limit was hit, or the report breaks a rule of its own; the message names the line. */
    static final class Refused extends XMLStreamException {
        Refused(String message, javax.xml.stream.Location location) {
            super(message, location);
        }
    }

    private final List<TestResult> results = new ArrayList<>();
    private final Map<TestOutcome, Integer> outcomes = new EnumMap<>(TestOutcome.class);
    private final Map<String, String> summary = new LinkedHashMap<>();
    private final JunitDialect.Clues clues = new JunitDialect.Clues();
    private final Deque<String> suites = new ArrayDeque<>();
    private int depth;
    private int flaky;
    private int unreadableTimes;

    private TestCase current;

    /** The test case being read. */
    private static final class TestCase {
        final int depth;
        final String name;
        final String suite;
        final BigDecimal seconds;
        TestOutcome outcome = TestOutcome.PASSED;
        String message;
        BoundedText messageText;
        boolean inProperties;
        String propertyName;
        String propertyValue;
        BoundedText propertyText;
        final SortedMap<String, String> properties = new TreeMap<>();

        TestCase(int depth, String name, String suite, BigDecimal seconds) {
            this.depth = depth;
            this.name = name;
            this.suite = suite;
            this.seconds = seconds;
        }
    }

    List<TestResult> results() {
        return results;
    }

    int count(TestOutcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    int flaky() {
        return flaky;
    }

    int unreadableTimes() {
        return unreadableTimes;
    }

    Map<String, String> summaryComments() {
        return summary;
    }

    JunitDialect dialect() {
        return JunitDialect.of(clues);
    }

    void read(InputStream in) throws XMLStreamException {
        XMLStreamReader r = HardenedXml.reader(in);
        try {
            while (r.hasNext()) {
                switch (r.next()) {
                    case XMLStreamConstants.START_ELEMENT -> start(r);
                    case XMLStreamConstants.END_ELEMENT -> end(r);
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> text(r);
                    case XMLStreamConstants.COMMENT -> comment(r);
                    case XMLStreamConstants.ENTITY_REFERENCE -> throw new Refused(
                            "the entity reference '&" + r.getLocalName() + ";' is not allowed", r.getLocation());
                    default -> {
                    }
                }
            }
            if (clues.rootName == null) {
                throw new Refused("the document has no root element", r.getLocation());
            }
        } finally {
            r.close();
        }
    }

    private void start(XMLStreamReader r) throws XMLStreamException {
        String element = r.getLocalName();
        if (++depth > MAX_DEPTH) {
            throw new Refused("elements nested deeper than " + MAX_DEPTH + " levels", r.getLocation());
        }
        if (clues.rootName == null) {
            root(r, element);
        }
        if (current != null) {
            startInCase(r, element);
            return;
        }
        switch (element) {
            case "testsuite" -> {
                String name = cut(attribute(r, "name"));
                suites.push(name == null ? "" : name);
                if ("pytest".equals(name)) {
                    clues.pytestSuite = true;
                }
            }
            case "properties" -> clues.suiteProperties |= !suites.isEmpty();
            case "testcase" -> startCase(r);
            default -> {
            }
        }
    }

    private void root(XMLStreamReader r, String element) throws XMLStreamException {
        if (!element.equals("testsuites") && !element.equals("testsuite")) {
            throw new Refused("not a JUnit XML report: the root element is <" + cut(element)
                    + ">, not <testsuites> or <testsuite>", r.getLocation());
        }
        clues.rootName = element;
        String name = attribute(r, "name");
        clues.rootSuiteName = name == null ? "" : cut(name);
        String schema = attribute(r, "noNamespaceSchemaLocation");
        clues.surefireSchema = schema != null && schema.contains("surefire");
    }

    private void startCase(XMLStreamReader r) throws XMLStreamException {
        String name = cut(attribute(r, "name"));
        if (name == null || name.isBlank()) {
            throw new Refused("a <testcase> has no name", r.getLocation());
        }
        if (results.size() == MAX_CASES) {
            throw new Refused("more than " + MAX_CASES + " test cases", r.getLocation());
        }
        if (suites.isEmpty()) {
            clues.caseDirectlyUnderTestsuites = true;
        }
        String classname = cut(attribute(r, "classname"));
        String suite = classname != null && !classname.isBlank() ? classname : suites.isEmpty() ? "" : suites.peek();
        current = new TestCase(depth, name, suite, seconds(attribute(r, "time")));
        String status = attribute(r, "status");
        String result = attribute(r, "result");
        if (status != null || result != null) {
            clues.googleTestAttributes = true;
        }
        // GoogleTest: status="notrun" for disabled tests, result="skipped" or "suppressed" for GTEST_SKIP.
        if ("notrun".equals(status) || "skipped".equals(result) || "suppressed".equals(result)) {
            current.outcome = TestOutcome.SKIPPED;
        }
        // Node's test runner repeats the failure message as an attribute next to the <failure> element.
        String failure = attribute(r, "failure");
        if (failure != null) {
            current.outcome = TestOutcome.FAILED;
            current.message = BoundedText.cut(failure, TestResult.MAX_MESSAGE + 1);
        }
    }

    private void startInCase(XMLStreamReader r, String element) {
        TestCase c = current;
        switch (element) {
            case "failure", "error" -> {
                if (c.depth + 1 != depth) {
                    return;
                }
                TestOutcome outcome = element.equals("failure") ? TestOutcome.FAILED : TestOutcome.ERROR;
                if (c.outcome == TestOutcome.PASSED || c.outcome == TestOutcome.SKIPPED) {
                    c.outcome = outcome;
                    c.message = null;
                }
                captureMessage(r, c);
            }
            case "skipped" -> {
                // GoogleTest marks a skip twice, result="skipped" and a <skipped message=...> element.
                if (c.depth + 1 == depth && (c.outcome == TestOutcome.PASSED || c.outcome == TestOutcome.SKIPPED)) {
                    c.outcome = TestOutcome.SKIPPED;
                    captureMessage(r, c);
                }
            }
            // Surefire: flaky* are failed runs of a test that passed on a rerun; rerun* accompany a <failure>.
            // A pass that needed a rerun is not a pass a safety requirement may rest on: the case is FLAKY.
            case "flakyFailure", "flakyError" -> {
                flaky++;
                if (c.depth + 1 == depth && c.outcome == TestOutcome.PASSED) {
                    c.outcome = TestOutcome.FLAKY;
                    captureMessage(r, c);
                }
            }
            case "properties" -> c.inProperties = c.depth + 1 == depth;
            case "property" -> {
                if (c.inProperties && c.properties.size() < MAX_PROPERTIES) {
                    c.propertyName = cut(attribute(r, "name"));
                    c.propertyValue = attribute(r, "value");
                    c.propertyText = c.propertyValue == null ? new BoundedText(TestResult.MAX_MESSAGE + 1) : null;
                }
            }
            default -> {
            }
        }
    }

    /** The message attribute if there is one, else the element's text (a stack trace, typically). */
    private static void captureMessage(XMLStreamReader r, TestCase c) {
        if (c.message != null) {
            return;
        }
        String message = attribute(r, "message");
        if (message != null && !message.isBlank()) {
            c.message = BoundedText.cut(message, TestResult.MAX_MESSAGE + 1);
        } else {
            c.messageText = new BoundedText(TestResult.MAX_MESSAGE + 1);
        }
    }

    private void end(XMLStreamReader r) {
        String element = r.getLocalName();
        TestCase c = current;
        if (c != null) {
            if (depth == c.depth) {
                finishCase(c);
                current = null;
            } else if (c.messageText != null && (element.equals("failure") || element.equals("error")
                    || element.equals("skipped") || element.equals("flakyFailure") || element.equals("flakyError"))) {
                String text = c.messageText.toString().strip();
                c.message = text.isEmpty() ? null : text;
                c.messageText = null;
            } else if (element.equals("property") && c.propertyName != null) {
                String value = c.propertyValue != null ? c.propertyValue : c.propertyText.toString().strip();
                if (!c.propertyName.isBlank()) {
                    c.properties.putIfAbsent(c.propertyName, BoundedText.cut(value, TestResult.MAX_MESSAGE));
                }
                c.propertyName = null;
                c.propertyText = null;
            } else if (element.equals("properties")) {
                c.inProperties = false;
            }
        } else if (element.equals("testsuite") && !suites.isEmpty()) {
            suites.pop();
        }
        depth--;
    }

    private void finishCase(TestCase c) {
        String message = c.outcome == TestOutcome.PASSED ? null : c.message;
        results.add(new TestResult(c.suite, c.name, c.outcome, c.seconds, message, c.properties));
        outcomes.merge(c.outcome, 1, Integer::sum);
    }

    private void text(XMLStreamReader r) {
        TestCase c = current;
        if (c == null) {
            return;
        }
        BoundedText target = c.messageText != null ? c.messageText : c.propertyText;
        if (target != null) {
            target.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
        }
    }

    private void comment(XMLStreamReader r) {
        if (clues.rootName == null || summary.size() >= 16) {
            return;
        }
        Matcher m = SUMMARY_COMMENT.matcher(r.getText());
        if (m.matches()) {
            clues.summaryComments = true;
            summary.put(m.group(1), m.group(2));
        }
    }

    /** Seconds, or {@code null} when absent or unreadable: a bad time is no reason to refuse a report. */
    private BigDecimal seconds(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        String text = time.strip();
        if (GROUPED.matcher(text).matches()) {
            text = text.replace(",", "");
        }
        try {
            BigDecimal seconds = new BigDecimal(text);
            if (seconds.signum() >= 0 && seconds.scale() <= 9 && seconds.precision() - seconds.scale() <= 12) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // counted below
        }
        unreadableTimes++;
        return null;
    }

    private static String attribute(XMLStreamReader r, String localName) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            if (r.getAttributeLocalName(i).equals(localName)) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    private static String cut(String value) {
        return BoundedText.cut(value, MAX_NAME);
    }
}
