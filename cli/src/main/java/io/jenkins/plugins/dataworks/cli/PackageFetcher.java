package io.jenkins.plugins.dataworks.cli;

import io.jenkins.plugins.dataworks.engine.client.DataWorksClient;
import io.jenkins.plugins.dataworks.engine.client.MigrationRef;
import io.jenkins.plugins.dataworks.engine.client.MigrationSummary;
import io.jenkins.plugins.dataworks.engine.download.DownloadProgress;
import io.jenkins.plugins.dataworks.engine.download.DownloadResult;
import io.jenkins.plugins.dataworks.engine.download.DownloadSettings;
import io.jenkins.plugins.dataworks.engine.download.PackageDownloader;
import io.jenkins.plugins.dataworks.engine.download.UrlRefresher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Downloads a package on the calling thread, so that Ctrl-C can interrupt it, and makes sure a
 * cancelled download leaves nothing: whatever appeared in the directory during the download (the
 * engine's partial file, the directory itself if it was created) is removed.
 */
final class PackageFetcher {

    private final PackageDownloader downloader;
    private final DataWorksClient client;
    private final Cancellation cancellation;
    private final AtomicInteger refreshCalls = new AtomicInteger();

    PackageFetcher(DownloadSettings settings, DataWorksClient client, Cancellation cancellation) {
        this.downloader = new PackageDownloader(settings);
        this.client = client;
        this.cancellation = cancellation;
    }

    /** GetMigrationSummary calls made to replace an expired URL. */
    int refreshCalls() {
        return refreshCalls.get();
    }

    /**
     * {@link #fetch} as both commands show it: {@code bar} (null for none) while the bytes arrive,
     * then one status line with the file, its size and what was verified.
     */
    DownloadResult fetch(MigrationSummary summary, DownloadTarget target, ProgressBar bar, StatusReporter reporter) {
        DownloadResult result;
        try {
            result = fetch(summary, target, bar == null ? DownloadProgress.NONE : bar);
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
        reporter.note("downloaded " + target.shown(result) + ": " + ProgressBar.bytes(result.size()) + ", sha256 "
                + result.sha256() + (result.crc64Verified() ? ", CRC-64 verified" : ", no CRC-64 from the server"));
        return result;
    }

    DownloadResult fetch(MigrationSummary summary, DownloadTarget target, DownloadProgress progress) {
        cancellation.throwIfCancelled();
        MigrationRef ref = summary.ref();
        String fileName = target.fileNameFor(ref, summary.name());
        Path dir = target.directory();
        boolean dirExisted = Files.isDirectory(dir);
        Set<Path> before = dirExisted ? list(dir) : Set.of();
        UrlRefresher refresher = () -> {
            refreshCalls.incrementAndGet();
            return client.getMigrationSummary(ref).downloadUrl();
        };
        Thread downloading = Thread.currentThread();
        cancellation.onCancel(downloading::interrupt);
        try {
            DownloadResult result = downloader.download(summary.downloadUrl(), dir, fileName, refresher, progress);
            if (cancellation.isCancelled()) {
                // Cancelled in the last moment: the user asked for nothing to be left.
                removeNewEntries(dir, before, dirExisted);
                throw new CancelledException("download cancelled; partial files removed");
            }
            return result;
        } catch (RuntimeException e) {
            if (cancellation.isCancelled()) {
                removeNewEntries(dir, before, dirExisted);
                throw new CancelledException("download cancelled; partial files removed");
            }
            throw e;
        } finally {
            cancellation.clear();
            Thread.interrupted(); // an interrupt meant for the download must not leak into the output code
        }
    }

    private static Set<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return new HashSet<>(s.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void removeNewEntries(Path dir, Set<Path> before, boolean dirExisted) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        for (Path p : list(dir)) {
            if (!before.contains(p) && Files.isRegularFile(p)) {
                deleteQuietly(p);
            }
        }
        if (!dirExisted) {
            deleteQuietly(dir);
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // Best effort: a non-empty directory created meanwhile by someone else stays.
        }
    }
}
