/**
 * The KPI formats: a table of metrics as CSV
 * ({@link io.tracegate.evidence.infrastructure.kpi.KpiCsvFormat}, streamed by {@code CsvRecords}) or
 * as JSON ({@link io.tracegate.evidence.infrastructure.kpi.KpiJsonFormat}), each metric with a value, an
 * optional unit and a scope, read strictly and each name and scope at most once per file
 * ({@code DistinctMetrics}), so that a gate never has to pick among two values.
 */
package io.tracegate.evidence.infrastructure.kpi;
