/**
 * The JUnit XML format: {@link io.tracegate.evidence.infrastructure.junit.JunitXmlFormat} reads test
 * reports from Surefire/Failsafe, pytest, GoogleTest, Node's test runner, Jest and others into test
 * results, streamed in one pass through the hardened XML parser ({@code JunitReportReader}), with the
 * writing tool ({@code JunitDialect}) named in the notes and long texts cut ({@code BoundedText}).
 */
package io.tracegate.evidence.infrastructure.junit;
