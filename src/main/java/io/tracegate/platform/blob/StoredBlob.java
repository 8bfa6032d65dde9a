package io.tracegate.platform.blob;

import java.util.OptionalLong;

/**
 * A blob that is durably in the store under its digest.
 *
 * @param crc32 the CRC-32 of its bytes, where it was computed as they were stored (uploads); a ZIP entry needs
 *              it ahead of the bytes
 */
public record StoredBlob(Sha256 sha256, long size, OptionalLong crc32) {

    public StoredBlob {
        if (size < 0) {
            throw new IllegalArgumentException("a blob's size cannot be negative: " + size);
        }
        crc32.ifPresent(crc -> {
            if (crc < 0 || crc > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("not a CRC-32: " + crc);
            }
        });
    }

    /** A blob whose CRC-32 nobody computed. */
    public StoredBlob(Sha256 sha256, long size) {
        this(sha256, size, OptionalLong.empty());
    }
}
