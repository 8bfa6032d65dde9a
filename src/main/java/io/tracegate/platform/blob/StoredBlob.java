package io.tracegate.platform.blob;

/** A blob that is durably in the store under its digest. */
public record StoredBlob(Sha256 sha256, long size) {
}
