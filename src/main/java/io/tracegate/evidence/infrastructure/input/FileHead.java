package io.tracegate.evidence.infrastructure.input;

import io.tracegate.evidence.domain.EvidenceRejected;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a format may judge before reading: the file name's extension and the first bytes as text. Kept
 * apart from the formats so that every format sniffs the same way (BOM skipped, leading white space
 * ignored, never throwing on a head cut in the middle of a character).
 */
public final class FileHead {

    /** The most any format looks at; {@link io.tracegate.evidence.domain.EvidenceFormat#supports} promises at most 4 KiB. */
    static final int MAX = 4096;

    private FileHead() {
    }

    public static boolean hasExtension(String fileName, String extension) {
        return fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(extension);
    }

    /**
     * The head decoded as UTF-8 without a byte-order mark and without leading white space. Invalid bytes
     * (such as a character cut at the end of the head) become U+FFFD instead of failing.
     */
    public static String text(byte[] head) {
        if (head == null) {
            return "";
        }
        int from = startsWithBom(head) ? 3 : 0;
        int length = Math.min(head.length, MAX) - from;
        String text = length <= 0 ? "" : new String(head, from, length, StandardCharsets.UTF_8);
        return text.stripLeading();
    }

    static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    }

    /** The content with mark/reset, so its head can be {@link #peek peeked} before it is parsed. */
    public static BufferedInputStream buffered(InputStream content) {
        return content instanceof BufferedInputStream buffered ? buffered : new BufferedInputStream(content, 2 * MAX);
    }

    /** The first bytes of {@code content}, which is left where it was. */
    public static byte[] peek(String fileName, BufferedInputStream content) {
        try {
            content.mark(MAX);
            byte[] head = content.readNBytes(MAX);
            content.reset();
            return head;
        } catch (IOException e) {
            throw new EvidenceRejected(fileName, "cannot be read: " + e.getMessage());
        }
    }
}
