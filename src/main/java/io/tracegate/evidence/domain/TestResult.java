package io.tracegate.evidence.domain;

import io.tracegate.platform.failure.InvalidInput;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One test case from a test report.
 *
 * @param suite      the suite or class name; empty when the report has none
 * @param name       the test case name
 * @param seconds    the duration; absent when the report gives none
 * @param message    the failure, error or skip message, cut to {@link #MAX_MESSAGE} characters; absent when passed
 * @param properties test-case properties (pytest {@code record_property}, Surefire suite properties are not here)
 */
public record TestResult(String suite, String name, TestOutcome outcome, BigDecimal seconds, String message,
                         SortedMap<String, String> properties) {

    public static final int MAX_MESSAGE = 2000;

    public TestResult {
        if (name == null || name.isBlank()) {
            throw new InvalidInput("testcase", "a test case has no name");
        }
        if (outcome == null) {
            throw new InvalidInput("testcase", "test case '" + name + "' has no outcome");
        }
        suite = suite == null ? "" : suite;
        if (message != null && message.length() > MAX_MESSAGE) {
            message = message.substring(0, MAX_MESSAGE) + "…";
        }
        properties = Collections.unmodifiableSortedMap(new TreeMap<>(properties == null ? new TreeMap<>() : properties));
    }

    /** {@code suite.name}, or the name alone without a suite. */
    public String qualifiedName() {
        return suite.isEmpty() ? name : suite + "." + name;
    }
}
