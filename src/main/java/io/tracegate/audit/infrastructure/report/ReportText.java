package io.tracegate.audit.infrastructure.report;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

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

    /**
     * e.g. {@code 2,147,483,648 bytes (2.0 GiB)}. Written out by hand: {@code String.format} builds its
     * number symbols anew on every call, and the evidence index of a large release calls this 20,000 times.
     */
    static String bytes(long size) {
        String exact = grouped(size) + " bytes";
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
        long tenths = Math.round(value * 10);
        return exact + " (" + tenths / 10 + "." + tenths % 10 + " " + units[unit] + ")";
    }

    /** Digits in groups of three, as {@code %,d} in the root locale writes them. */
    private static String grouped(long n) {
        String digits = Long.toString(n);
        int sign = n < 0 ? 1 : 0;
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3);
        out.append(digits, 0, sign);
        int first = (digits.length() - sign) % 3;
        for (int i = sign; i < digits.length(); i++) {
            if (i > sign && (i - sign - first) % 3 == 0) {
                out.append(',');
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    /**
     * At most {@code max} characters on one line, cut with "…": blanks and line breaks are collapsed, so a
     * stack trace reads as its first words instead of filling a page. Pairs are never split.
     */
    static String shortened(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.length() <= max) {
            return line;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(line.charAt(end - 1))) {
            end--;
        }
        return line.substring(0, end).stripTrailing() + "…";
    }

    static String orNone(String text) {
        return text == null || text.isBlank() ? NONE : text;
    }

    static String joined(List<?> items) {
        return items == null || items.isEmpty() ? NONE : String.join(", ", items.stream().map(String::valueOf).toList());
    }
}
