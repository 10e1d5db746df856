package io.jenkins.plugins.dataworks.benchmarks;

import com.google.gson.JsonObject;
import io.jenkins.plugins.dataworks.engine.download.DownloadResult;
import io.jenkins.plugins.dataworks.engine.download.DownloadSettings;
import io.jenkins.plugins.dataworks.engine.download.PackageDownloader;
import io.jenkins.plugins.dataworks.engine.download.UrlRefresher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * Benchmark 3a, our side, in a JVM of its own (run with -Xmx64m): one download of the package
 * through the engine's PackageDownloader, CRC-64 and SHA-256 verification on. The presigned URL
 * comes on stdin, so it never appears in a process listing.
 *
 * <p>Args: directory fileName
 */
public final class DownloadChild {

    private DownloadChild() {}

    public static void main(String[] args) throws Exception {
        String url = new String(System.in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).trim();
        Path dir = Path.of(args[0]);
        String fileName = args[1];
        PackageDownloader downloader = new PackageDownloader(DownloadSettings.defaults().withAllowedHosts(Set.of("127.0.0.1")));
        ProcessMetrics.usedHeapAfterGc();
        ProcessMetrics.resetPeakHeap();
        long start = System.nanoTime();
        DownloadResult result = downloader.download(url, dir, fileName, UrlRefresher.NONE, (received, total) -> {});
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = ProcessMetrics.peakHeap();
        Files.deleteIfExists(result.file());
        JsonObject r = new JsonObject();
        r.addProperty("seconds", seconds);
        r.addProperty("bytes", result.size());
        r.addProperty("peakHeap", peak);
        r.addProperty("maxHeap", ProcessMetrics.maxHeap());
        r.addProperty("crc64Verified", result.crc64Verified());
        r.addProperty("sha256", result.sha256());
        ChildJvm.emit(r);
    }
}
