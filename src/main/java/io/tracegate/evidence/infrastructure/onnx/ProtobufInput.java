package io.tracegate.evidence.infrastructure.onnx;

import io.tracegate.evidence.domain.EvidenceRejected;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The byte source under {@link ProtobufReader}: one fixed 64 KiB buffer, so a file of any size costs the same
 * memory, and an exact count of the bytes consumed, so every refusal can name the offset where the file went
 * wrong. It knows nothing of the wire format; message bounds are the reader's to check.
 */
final class ProtobufInput {

    private final InputStream in;
    private final String fileName;
    private final byte[] buffer = new byte[64 * 1024];
    private int bufferPosition;
    private int bufferLimit;
    private boolean endOfStream;
    private long position;

    ProtobufInput(InputStream in, String fileName) {
        this.in = in;
        this.fileName = fileName;
    }

    /** Bytes consumed so far. */
    long position() {
        return position;
    }

    /** Whether at least one more byte can be read, reading ahead if needed. */
    boolean hasMore() {
        return fill();
    }

    int readByte() {
        ensureAvailable();
        position++;
        return buffer[bufferPosition++] & 0xFF;
    }

    void readFully(byte[] target) {
        int done = 0;
        while (done < target.length) {
            ensureAvailable();
            int chunk = Math.min(target.length - done, bufferLimit - bufferPosition);
            System.arraycopy(buffer, bufferPosition, target, done, chunk);
            bufferPosition += chunk;
            position += chunk;
            done += chunk;
        }
    }

    /** Skips by reading: exact truncation offsets, and no reliance on InputStream.skip past the end. */
    void skip(long count) {
        long left = count;
        while (left > 0) {
            ensureAvailable();
            int chunk = (int) Math.min(left, bufferLimit - bufferPosition);
            bufferPosition += chunk;
            position += chunk;
            left -= chunk;
        }
    }

    /** Passes the next {@code length} bytes to {@code sink} straight from the buffer, chunk by chunk. */
    void stream(long length, ProtobufReader.ByteSink sink) {
        long left = length;
        while (left > 0) {
            ensureAvailable();
            int chunk = (int) Math.min(left, bufferLimit - bufferPosition);
            sink.accept(buffer, bufferPosition, chunk);
            bufferPosition += chunk;
            position += chunk;
            left -= chunk;
        }
    }

    private void ensureAvailable() {
        if (bufferPosition == bufferLimit && !fill()) {
            throw new EvidenceRejected(fileName, "truncated at byte " + position);
        }
    }

    private boolean fill() {
        if (bufferPosition < bufferLimit) {
            return true;
        }
        if (endOfStream) {
            return false;
        }
        try {
            int read;
            do {
                read = in.read(buffer, 0, buffer.length);
            } while (read == 0);
            if (read < 0) {
                endOfStream = true;
                return false;
            }
            bufferPosition = 0;
            bufferLimit = read;
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + fileName, e);
        }
    }
}
