package io.tracegate.audit.infrastructure.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** How the report writes times, sizes and absent values, the same way everywhere. */
final class ReportText {

    static final String NONE = "—";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private ReportText() {
    }

    /** e.g. {@code 2026-11-25 14:03:07 UTC}: Part 11 wants the time of a signature unambiguous. */
    static String utc(Instant at) {
        return at == null ? NONE : UTC.format(at);
    }

    static String bytes(long size) {
        String exact = String.format(Locale.ROOT, "%,d bytes", size);
        if (size < 1024) {
            return exact;
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = size;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return exact + String.format(Locale.ROOT, " (%.1f %s)", value, units[unit]);
    }

    static String orNone(String text) {
        return text == null || text.isBlank() ? NONE : text;
    }

    static String joined(List<?> items) {
        return items == null || items.isEmpty() ? NONE : String.join(", ", items.stream().map(String::valueOf).toList());
    }
}
