package io.tracegate.requirement.infrastructure;

import io.tracegate.requirement.domain.BaselineRejected;
import io.tracegate.requirement.domain.ImportProblem;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a ReqIFz archive as a stream, entry by entry, and hands each {@code *.reqif} entry to a reader;
 * nothing is ever extracted to disk, so no entry name can place a file anywhere (threat T5). Names that
 * would be dangerous if someone did extract the archive are refused all the same, because such an
 * archive is hostile or broken either way. Zip bombs (T6) are stopped by limits checked while
 * inflating, never by trusting the sizes an archive declares about itself.
 */
final class ReqifzArchive {

    static final int MAX_ENTRIES = 1_000;
    static final long MAX_INFLATED = 256L * 1024 * 1024;
    /** Below this size a high ratio is harmless (a small file of blanks), so the ratio is not checked. */
    static final long RATIO_FROM = 1024L * 1024;
    static final int MAX_RATIO = 100;

    /** Reads one ReqIF entry; must not close the stream. */
    interface EntryReader {
        void read(String entryName, InputStream entry);
    }

    private ReqifzArchive() {
    }

    /** @return how many {@code *.reqif} entries were handed to {@code reader} */
    static int read(String path, InputStream archive, EntryReader reader) {
        Counting compressed = new Counting(archive);
        long[] inflatedTotal = {0};
        Set<String> names = new HashSet<>();
        int entries = 0;
        int documents = 0;
        String name = null;
        try {
            ZipInputStream zip = new ZipInputStream(compressed);
            ZipEntry entry;
            while ((entry = nextEntry(zip, path)) != null) {
                name = entry.getName();
                if (++entries > MAX_ENTRIES) {
                    throw refused(path, "more than " + MAX_ENTRIES + " entries");
                }
                checkName(path, name, names);
                Limited content = new Limited(zip, path, name, compressed, inflatedTotal);
                if (!entry.isDirectory() && name.toLowerCase(Locale.ROOT).endsWith(".reqif")) {
                    documents++;
                    reader.read(name, content);
                }
                // Inflate what the reader left (and every skipped entry) through the limits too: the next
                // getNextEntry would otherwise inflate it unchecked.
                content.drain();
            }
        } catch (IOException e) {
            throw refused(path, "not a readable ZIP archive" + (name == null ? "" : " at entry '" + name + "'")
                    + ": " + e.getMessage());
        }
        return documents;
    }

    /** The JDK throws IllegalArgumentException for an entry name that is not UTF-8 (found by fuzzing). */
    private static ZipEntry nextEntry(ZipInputStream zip, String path) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IllegalArgumentException e) {
            throw refused(path, "an entry's name is not valid UTF-8");
        }
    }

    private static void checkName(String path, String name, Set<String> seen) {
        String why = null;
        if (name.isEmpty() || name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            why = "is absolute or empty";
        } else if (name.contains("..")) {
            why = "contains '..'";
        } else if (name.contains("\\")) {
            why = "contains a backslash";
        } else if (name.indexOf('\0') >= 0) {
            why = "contains a NUL character";
        } else if (!seen.add(name)) {
            why = "appears twice";
        } else if (name.toLowerCase(Locale.ROOT).matches(".*\\.(zip|reqifz|jar)")) {
            why = "is a nested archive, which is not read";
        }
        if (why != null) {
            throw refused(path, "entry '" + printable(name) + "' " + why);
        }
    }

    private static String printable(String name) {
        return name.replaceAll("\\p{Cntrl}", "?");
    }

    private static BaselineRejected refused(String path, String message) {
        return new BaselineRejected(new ImportProblem(path, null, "archive refused: " + message));
    }

    /** Counts the bytes read from the archive itself, to know how many compressed bytes an entry used. */
    private static final class Counting extends FilterInputStream {
        long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count += Math.max(n, 0);
            return n;
        }
    }

    /** One entry's inflated bytes, counted as they are produced; refuses the archive once over a limit. */
    private static final class Limited extends FilterInputStream {
        private final String path;
        private final String name;
        private final Counting compressed;
        private final long compressedAtStart;
        private final long[] total;
        private long inflated;

        Limited(InputStream entry, String path, String name, Counting compressed, long[] total) {
            super(entry);
            this.path = path;
            this.name = name;
            this.compressed = compressed;
            this.compressedAtStart = compressed.count;
            this.total = total;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                inflated += n;
                total[0] += n;
                if (total[0] > MAX_INFLATED) {
                    throw refused(path, "entry '" + printable(name) + "' takes the archive over "
                            + MAX_INFLATED / (1024 * 1024) + " MiB inflated");
                }
                long used = Math.max(1, compressed.count - compressedAtStart);
                if (inflated > RATIO_FROM && inflated / used > MAX_RATIO) {
                    throw refused(path, "entry '" + printable(name) + "' inflates more than " + MAX_RATIO
                            + " times its compressed size (a zip bomb?)");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipping still inflates; route it through read so it is counted.
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            int read = read(buffer, 0, buffer.length);
            return Math.max(read, 0);
        }

        /** An explicit loop, not transferTo: a JDK override of that could bypass {@link #read(byte[], int, int)}. */
        void drain() throws IOException {
            byte[] buffer = new byte[8192];
            while (read(buffer, 0, buffer.length) >= 0) {
                // counted and discarded
            }
        }

        @Override
        public void close() {
            // The reader must not close the archive: the next entries follow in the same stream.
        }
    }
}
