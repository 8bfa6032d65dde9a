package io.tracegate.audit.infrastructure.report;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTextTest {

    @Test
    void sizesReadAsTheyDidWithStringFormat() {
        SplittableRandom random = new SplittableRandom(26262);
        long[] edges = {0, 1, 999, 1000, 1023, 1024, 1025, 999_999, 1_000_000, 1_048_575, 1_048_576,
                2_147_483_648L, 1_099_511_627_775L, Long.MAX_VALUE};
        for (long size : edges) {
            assertThat(ReportText.bytes(size)).as("%d", size).isEqualTo(formatted(size));
        }
        for (int i = 0; i < 100_000; i++) {
            long size = random.nextLong(1L << random.nextInt(1, 50));
            assertThat(ReportText.bytes(size)).as("%d", size).isEqualTo(formatted(size));
        }
        assertThat(ReportText.bytes(2_147_483_648L)).isEqualTo("2,147,483,648 bytes (2.0 GiB)");
    }

    /** How the report wrote sizes before. */
    private static String formatted(long size) {
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
}
