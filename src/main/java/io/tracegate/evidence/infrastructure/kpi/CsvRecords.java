package io.tracegate.evidence.infrastructure.kpi;

import io.tracegate.evidence.domain.EvidenceRejected;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV records one at a time (RFC 4180: comma-separated, fields in double quotes may hold commas,
 * line breaks and doubled quotes; CRLF, LF or CR line ends), so memory stays at one record however large
 * the file. UTF-8 only, a byte-order mark tolerated. Two conveniences beyond the RFC: lines starting with
 * {@code #} are comments, and blank lines are skipped. Spaces around a field are dropped (inside quotes
 * they are kept). Malformed input is refused with the line it is on rather than guessed at.
 */
final class CsvRecords implements AutoCloseable {

    private final String fileName;
    private final InputStream in;
    /** Decoding here rather than in a Reader: a Reader drops the text before a bad byte, and with it the line. */
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer bytes = ByteBuffer.allocate(8192).flip();
    private boolean eof;
    private boolean done;
    private boolean malformed;
    private final int maxRecordChars;
    private final int maxFields;
    private final char[] buffer = new char[8192];
    private int pos;
    private int len;
    private long line = 1;
    private long recordLine;
    private boolean started;

    CsvRecords(String fileName, InputStream content, int maxRecordChars, int maxFields) {
        this.fileName = fileName;
        this.in = content;
        this.maxRecordChars = maxRecordChars;
        this.maxFields = maxFields;
    }

    /** The line the record last returned by {@link #next()} starts on (1-based). */
    long line() {
        return recordLine;
    }

    /** The next record's fields, or {@code null} at the end of the file. */
    List<String> next() {
        try {
            return nextRecord();
        } catch (CharacterCodingException e) {
            throw reject(line, "not UTF-8 text");
        } catch (IOException e) {
            throw new EvidenceRejected(fileName, "cannot be read: " + e.getMessage());
        }
    }

    private List<String> nextRecord() throws IOException {
        while (true) {
            int c = read();
            if (c < 0) {
                return null;
            }
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    continue;
                }
            }
            recordLine = line;
            if (c == '\n' || c == '\r') {
                endOfLine(c);
                continue;
            }
            if (c == '#') {
                skipComment();
                continue;
            }
            pos--; // let the record reader see this character again
            return record();
        }
    }

    private List<String> record() throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean afterQuote = false;
        int chars = 0;
        while (true) {
            int c = read();
            if (c < 0) {
                if (inQuotes) {
                    throw reject(recordLine, "a quoted field is not closed before the end of the file");
                }
                addField(fields, field, afterQuote);
                return fields;
            }
            if (++chars > maxRecordChars) {
                throw reject(recordLine, "the record is longer than " + maxRecordChars + " characters");
            }
            if (inQuotes) {
                if (c != '"') {
                    field.append((char) c);
                    if (c == '\n' || (c == '\r' && peek() != '\n')) {
                        line++;
                    }
                } else if (peek() == '"') {
                    read();
                    chars++;
                    field.append('"');
                } else {
                    inQuotes = false;
                    afterQuote = true;
                }
                continue;
            }
            switch (c) {
                case ',' -> {
                    addField(fields, field, afterQuote);
                    afterQuote = false;
                }
                case '\n', '\r' -> {
                    endOfLine(c);
                    addField(fields, field, afterQuote);
                    return fields;
                }
                case '"' -> {
                    if (afterQuote || !field.toString().isBlank()) {
                        throw reject(line, "a quote inside a field that is not quoted; "
                                + "quote the whole field and double the quote");
                    }
                    field.setLength(0);
                    inQuotes = true;
                }
                default -> {
                    if (afterQuote && c != ' ' && c != '\t') {
                        throw reject(line, "text after the closing quote of a field");
                    }
                    if (!afterQuote) {
                        field.append((char) c);
                    }
                }
            }
        }
    }

    private void addField(List<String> fields, StringBuilder field, boolean quoted) {
        if (fields.size() == maxFields) {
            throw reject(recordLine, "more than " + maxFields + " columns");
        }
        fields.add(quoted ? field.toString() : field.toString().strip());
        field.setLength(0);
    }

    private void skipComment() throws IOException {
        int chars = 1;
        while (true) {
            int c = read();
            if (c < 0) {
                return;
            }
            if (c == '\n' || c == '\r') {
                endOfLine(c);
                return;
            }
            if (++chars > maxRecordChars) {
                throw reject(recordLine, "the line is longer than " + maxRecordChars + " characters");
            }
        }
    }

    /** Consumes the LF of a CRLF and counts the line. */
    private void endOfLine(int c) throws IOException {
        if (c == '\r' && peek() == '\n') {
            read();
        }
        line++;
    }

    private int read() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        return buffer[pos++];
    }

    private int peek() throws IOException {
        if (pos == len && !fill()) {
            return -1;
        }
        return buffer[pos];
    }

    /**
     * Refills the buffer, keeping its last character so that {@code pos--} in {@link #nextRecord()} stays
     * valid. Text before a malformed byte is handed out first, so the error carries the right line.
     */
    private boolean fill() throws IOException {
        if (len > 0) {
            buffer[0] = buffer[len - 1];
            pos = 1;
            len = 1;
        }
        while (!done) {
            if (malformed) {
                throw new MalformedInputException(1);
            }
            CharBuffer out = CharBuffer.wrap(buffer, len, buffer.length - len);
            CoderResult result = decoder.decode(bytes, out, eof);
            boolean produced = out.position() > len;
            len = out.position();
            if (result.isError()) {
                malformed = true;
            } else if (result.isUnderflow()) {
                if (eof) {
                    done = true;
                } else {
                    readBytes();
                }
            }
            if (produced) {
                return true;
            }
        }
        return false;
    }

    private void readBytes() throws IOException {
        bytes.compact();
        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
        if (n < 0) {
            eof = true;
        } else {
            bytes.position(bytes.position() + n);
        }
        bytes.flip();
    }

    private EvidenceRejected reject(long at, String problem) {
        return new EvidenceRejected(fileName, "line " + at + ": " + problem);
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // Nothing was written; closing only releases the upload stream.
        }
    }
}
