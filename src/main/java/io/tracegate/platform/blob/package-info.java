/**
 * The content-addressed blob store: every uploaded file (artifact or evidence) is kept once, named by
 * its SHA-256, written temp file → fsync → atomic rename → fsync directory, and only then recorded in
 * the database. A file already under a digest is replaced by the verified copy, never trusted. Files without a
 * database row are orphans of a crash and are swept, except while an upload of the same digest holds it pinned.
 * The uploads streaming at once are bounded, server-wide and per account, so their buffers always fit the heap.
 */
package io.tracegate.platform.blob;
