/**
 * The audit report as PDF/A-3b with PDFBox: embedded DejaVu fonts, a small layout engine (wrapped text,
 * tables with repeated headers, bookmarks, footers), vector charts, manifest.json as an associated file,
 * and the PAdES signature added as an incremental update. Fixed dates and document ids make it
 * reproducible byte for byte.
 */
package io.tracegate.audit.infrastructure.report;
