package io.tracegate.requirement.infrastructure;

import org.eclipse.jgit.errors.NotSupportedException;
import org.eclipse.jgit.errors.TransportException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.RepositoryCache;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.storage.pack.PackConfig;
import org.eclipse.jgit.transport.BasePackFetchConnection;
import org.eclipse.jgit.transport.FetchConnection;
import org.eclipse.jgit.transport.PackTransport;
import org.eclipse.jgit.transport.PushConnection;
import org.eclipse.jgit.transport.Transport;
import org.eclipse.jgit.transport.URIish;
import org.eclipse.jgit.transport.UploadPack;
import org.eclipse.jgit.util.FS;

import java.io.File;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.function.Supplier;

/**
 * Fetches from a repository on a local path the way JGit's own local transport does (the pack protocol
 * between this fetch and an in-process upload-pack, over pipes: a real fetch into the mirror, nothing
 * checked out, no process started), but with a pack made for a copy on the same machine. The upload side
 * searches no new deltas: that search is what makes a pack small for a network, and was the largest part
 * of a local fetch of ten thousand small files, on both sides (searching deltas, then resolving them).
 * Deltas and compressed objects already in the source's packs are still reused as they are.
 */
final class LocalFetchTransport extends Transport implements PackTransport {

    private final File gitDir;
    private final Supplier<PackConfig> packConfig;

    private LocalFetchTransport(Repository local, URIish uri, File gitDir, Supplier<PackConfig> packConfig) {
        super(local, uri);
        this.gitDir = gitDir;
        this.packConfig = packConfig;
    }

    /** A transport from the repository at {@code path} (a working tree with .git, or a bare repository). */
    static LocalFetchTransport open(Repository local, File path) throws TransportException {
        File gitDir = RepositoryCache.FileKey.resolve(path, FS.DETECTED);
        URIish uri = new URIish().setPath(path.getAbsolutePath());
        if (gitDir == null) {
            throw new TransportException(uri, "not a Git repository");
        }
        return new LocalFetchTransport(local, uri, gitDir, LocalFetchTransport::localCopy);
    }

    /** Pack settings for a copy on the same machine: no delta search, everything else as JGit's defaults. */
    static PackConfig localCopy() {
        PackConfig config = new PackConfig();
        config.setDeltaCompress(false);
        return config;
    }

    @Override
    public FetchConnection openFetch() throws TransportException {
        Repository source;
        try {
            source = new FileRepositoryBuilder().setGitDir(gitDir).setMustExist(true).build();
        } catch (IOException e) {
            throw new TransportException(uri, "not a Git repository", e);
        }
        return new Connection(source);
    }

    @Override
    public PushConnection openPush() throws NotSupportedException {
        throw new NotSupportedException("Tracegate only fetches");
    }

    @Override
    public void close() {
        // every connection closes its own resources
    }

    private final class Connection extends BasePackFetchConnection {
        private Thread worker;

        Connection(Repository source) throws TransportException {
            super(LocalFetchTransport.this);
            PipedInputStream requests;
            PipedOutputStream requestsOut;
            PipedInputStream pack;
            PipedOutputStream packOut;
            try {
                requests = new PipedInputStream(MIN_CLIENT_BUFFER);
                requestsOut = new PipedOutputStream(requests);
                pack = new PipedInputStream();
                packOut = new PipedOutputStream(pack);
            } catch (IOException e) {
                source.close();
                throw new TransportException(uri, "cannot connect pipes", e);
            }
            worker = new Thread(() -> {
                try {
                    UploadPack upload = new UploadPack(source);
                    upload.setPackConfig(packConfig.get());
                    upload.upload(requests, packOut, null);
                } catch (IOException | RuntimeException e) {
                    // the fetching side sees the pipe close and reports the failure
                } finally {
                    closeQuietly(requests);
                    closeQuietly(packOut);
                    source.close();
                }
            }, "Tracegate-Upload-Pack");
            worker.setDaemon(true);
            worker.start();
            init(pack, requestsOut);
            readAdvertisedRefs();
        }

        @Override
        public void close() {
            super.close();
            if (worker != null) {
                try {
                    worker.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    worker = null;
                }
            }
        }
    }

    private static void closeQuietly(java.io.Closeable closeable) {
        try {
            closeable.close();
        } catch (IOException ignored) {
            // the other side has gone already
        }
    }
}
