package io.tracegate.evidence.infrastructure.input;

import java.io.IOException;
import java.io.InputStream;

/**
 * Sits between an uploaded JSON file and the JSON parser and enforces limits on the raw bytes (threat
 * T12), before the parser builds anything: nesting deeper than allowed and over-long strings or numbers
 * are refused the moment their bytes arrive, so a 100,000-deep {@code [[[[...} costs one linear pass and
 * a multi-gigabyte string is never buffered. Tracking only whether it is inside a string is enough: in
 * UTF-8 the bytes of {@code " \ [ ] { }} never occur inside a multi-byte character.
 * <p>
 * Optionally it also escapes raw control characters inside strings: trtexec writes layer names
 * (which may carry TensorRT's U+001E/U+001F separators) without escaping them, which strict JSON forbids.
 */
final class JsonGuardStream extends InputStream {

    /** A limit was hit; the message says which, for the file's author. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final InputStream in;
    private final int maxDepth;
    private final int maxTokenBytes;
    private final boolean escapeControls;
    private final byte[] raw = new byte[16 * 1024];
    private final byte[] pending = new byte[6];
    private final byte[] one = new byte[1];
    private int rawPos;
    private int rawLen;
    private int pendingPos;
    private int pendingLen;
    private boolean inString;
    private boolean escaped;
    private int depth;
    private int token;
    private long line = 1;

    JsonGuardStream(InputStream in, int maxDepth, int maxTokenBytes, boolean escapeControls) {
        this.in = in;
        this.maxDepth = maxDepth;
        this.maxTokenBytes = maxTokenBytes;
        this.escapeControls = escapeControls;
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            if (pendingPos < pendingLen) {
                b[off + n++] = pending[pendingPos++];
                continue;
            }
            if (rawPos == rawLen) {
                if (n > 0) {
                    return n; // hand over what we have rather than block for more
                }
                rawLen = Math.max(in.read(raw), 0);
                rawPos = 0;
                if (rawLen == 0) {
                    return -1;
                }
            }
            byte c = raw[rawPos++];
            if (inString) {
                if (!escaped && escapeControls && (c & 0xFF) < 0x20) {
                    escapeControl(c);
                    continue;
                }
                stringByte(c);
            } else {
                structuralByte(c);
            }
            b[off + n++] = c;
        }
        return n;
    }

    private void stringByte(byte c) {
        if (escaped) {
            escaped = false;
        } else if (c == '\\') {
            escaped = true;
        } else if (c == '"') {
            inString = false;
        } else if (c == '\n') {
            line++;
        }
        countToken(1);
    }

    private void structuralByte(byte c) {
        switch (c) {
            case '"' -> {
                inString = true;
                token = 0;
                countToken(1);
            }
            case '{', '[' -> {
                token = 0;
                if (++depth > maxDepth) {
                    throw new Refused("line " + line + ": JSON nested deeper than " + maxDepth + " levels");
                }
            }
            case '}', ']' -> {
                token = 0;
                depth--;
            }
            case '\n' -> {
                token = 0;
                line++;
            }
            case ',', ':', ' ', '\t', '\r' -> token = 0;
            default -> countToken(1);
        }
    }

    private void escapeControl(byte c) {
        pending[0] = '\\';
        pending[1] = 'u';
        pending[2] = '0';
        pending[3] = '0';
        pending[4] = HEX[(c >> 4) & 0xF];
        pending[5] = HEX[c & 0xF];
        pendingPos = 0;
        pendingLen = 6;
        countToken(6);
    }

    private void countToken(int bytes) {
        token += bytes;
        if (token > maxTokenBytes) {
            throw new Refused("line " + line + ": a JSON string or number longer than " + maxTokenBytes + " bytes");
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
